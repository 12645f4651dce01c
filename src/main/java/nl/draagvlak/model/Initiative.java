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

    // Each Known is made the first time a rule asks for it and then kept: a fact lives for one
    // decision in one session, and several rules ask for the same field.
    private Known<InitiativeKind> kindKnown;
    public Known<InitiativeKind> kind() {
        if (kindKnown == null) {
            kindKnown = new Known<>(kind, "initiative.kind");
        }
        return kindKnown;
    }
    private Known<OrganisationType> organisationTypeKnown;
    public Known<OrganisationType> organisationType() {
        if (organisationTypeKnown == null) {
            organisationTypeKnown = new Known<>(organisationType, "initiative.organisationType");
        }
        return organisationTypeKnown;
    }
    private Known<UseCase> useCaseKnown;
    public Known<UseCase> useCase() {
        if (useCaseKnown == null) {
            useCaseKnown = new Known<>(useCase, "initiative.useCase");
        }
        return useCaseKnown;
    }
    private Known<Integer> leadTimeMonthsKnown;
    public Known<Integer> leadTimeMonths() {
        if (leadTimeMonthsKnown == null) {
            leadTimeMonthsKnown = new Known<>(leadTimeMonths, "initiative.leadTimeMonths");
        }
        return leadTimeMonthsKnown;
    }
    private Known<Level> resourcesKnown;
    public Known<Level> resources() {
        if (resourcesKnown == null) {
            resourcesKnown = new Known<>(resources, "initiative.resources");
        }
        return resourcesKnown;
    }
    private Known<Level> organisationalSupportKnown;
    public Known<Level> organisationalSupport() {
        if (organisationalSupportKnown == null) {
            organisationalSupportKnown = new Known<>(organisationalSupport, "initiative.organisationalSupport");
        }
        return organisationalSupportKnown;
    }
    private Known<Boolean> businessCaseKnown;
    public Known<Boolean> businessCase() {
        if (businessCaseKnown == null) {
            businessCaseKnown = new Known<>(businessCase, "initiative.businessCase");
        }
        return businessCaseKnown;
    }

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
