package nl.draagvlak.model;

import java.util.Map;

/** The initiative itself: what kind of change, by whom, with how much time, money and support. */
public final class Initiative implements Fact {

    private final String name;
    private final InitiativeKind kind;
    private final OrganisationType organisationType;
    private final UseCase useCase;
    private final Integer leadTimeMonths;
    private final Level resources;
    private final Level organisationalSupport;
    private final Boolean businessCase;

    public Initiative(String name, InitiativeKind kind, OrganisationType organisationType, UseCase useCase,
                      Integer leadTimeMonths, Level resources, Level organisationalSupport, Boolean businessCase) {
        this.name = name;
        this.kind = kind;
        this.organisationType = organisationType;
        this.useCase = useCase;
        this.leadTimeMonths = leadTimeMonths;
        this.resources = resources;
        this.organisationalSupport = organisationalSupport;
        this.businessCase = businessCase;
    }

    public String getName() { return name; }

    public Known<InitiativeKind> kind() { return new Known<>(kind, "initiative.kind"); }
    public Known<OrganisationType> organisationType() { return new Known<>(organisationType, "initiative.organisationType"); }
    public Known<UseCase> useCase() { return new Known<>(useCase, "initiative.useCase"); }
    public Known<Integer> leadTimeMonths() { return new Known<>(leadTimeMonths, "initiative.leadTimeMonths"); }
    public Known<Level> resources() { return new Known<>(resources, "initiative.resources"); }
    public Known<Level> organisationalSupport() { return new Known<>(organisationalSupport, "initiative.organisationalSupport"); }
    public Known<Boolean> businessCase() { return new Known<>(businessCase, "initiative.businessCase"); }

    @Override
    public String label() {
        return "Initiative";
    }

    @Override
    public Map<String, Object> snapshot() {
        return new Snapshot().with("name", name).with("kind", kind).with("organisationType", organisationType)
                .with("useCase", useCase).with("leadTimeMonths", leadTimeMonths).with("resources", resources)
                .with("organisationalSupport", organisationalSupport).with("businessCase", businessCase).build();
    }
}
