package nl.draagvlak.model;

import java.util.Map;

/** The key success factors of migratiestrategie's Tips section. */
public final class SuccessFactors implements Fact {

    private final Boolean leadership;
    private final Boolean managementSponsorship;
    private final Boolean consistentVision;
    private final Boolean administrativeChampion;

    public SuccessFactors(Boolean leadership, Boolean managementSponsorship, Boolean consistentVision,
                          Boolean administrativeChampion) {
        this.leadership = leadership;
        this.managementSponsorship = managementSponsorship;
        this.consistentVision = consistentVision;
        this.administrativeChampion = administrativeChampion;
    }


    public Known<Boolean> leadership() { return new Known<>(leadership, "successFactors.leadership"); }
    public Known<Boolean> managementSponsorship() { return new Known<>(managementSponsorship, "successFactors.managementSponsorship"); }
    public Known<Boolean> consistentVision() { return new Known<>(consistentVision, "successFactors.consistentVision"); }
    public Known<Boolean> administrativeChampion() { return new Known<>(administrativeChampion, "successFactors.administrativeChampion"); }

    @Override
    public String label() {
        return "SuccessFactors";
    }

    @Override
    public Map<String, Object> snapshot() {
        return new Snapshot().with("leadership", leadership).with("managementSponsorship", managementSponsorship)
                .with("consistentVision", consistentVision).with("administrativeChampion", administrativeChampion)
                .build();
    }
}
