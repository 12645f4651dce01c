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


    // Each Known is made the first time a rule asks for it and then kept: a fact lives for one
    // decision in one session, and several rules ask for the same field.
    private Known<Boolean> leadershipKnown;
    public Known<Boolean> leadership() {
        if (leadershipKnown == null) {
            leadershipKnown = new Known<>(leadership, "successFactors.leadership");
        }
        return leadershipKnown;
    }
    private Known<Boolean> managementSponsorshipKnown;
    public Known<Boolean> managementSponsorship() {
        if (managementSponsorshipKnown == null) {
            managementSponsorshipKnown = new Known<>(managementSponsorship, "successFactors.managementSponsorship");
        }
        return managementSponsorshipKnown;
    }
    private Known<Boolean> consistentVisionKnown;
    public Known<Boolean> consistentVision() {
        if (consistentVisionKnown == null) {
            consistentVisionKnown = new Known<>(consistentVision, "successFactors.consistentVision");
        }
        return consistentVisionKnown;
    }
    private Known<Boolean> administrativeChampionKnown;
    public Known<Boolean> administrativeChampion() {
        if (administrativeChampionKnown == null) {
            administrativeChampionKnown = new Known<>(administrativeChampion, "successFactors.administrativeChampion");
        }
        return administrativeChampionKnown;
    }

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
