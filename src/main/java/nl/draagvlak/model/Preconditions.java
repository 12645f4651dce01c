package nl.draagvlak.model;

import java.util.Map;

/** The preconditions of migratiestrategie's Tips section. */
public final class Preconditions implements Fact {

    private final Boolean channelsWellDeveloped;
    private final Boolean backOfficeInOrder;
    private final Boolean improvesService;
    private final Boolean efficiencyGain;

    public Preconditions(Boolean channelsWellDeveloped, Boolean backOfficeInOrder, Boolean improvesService,
                         Boolean efficiencyGain) {
        this.channelsWellDeveloped = channelsWellDeveloped;
        this.backOfficeInOrder = backOfficeInOrder;
        this.improvesService = improvesService;
        this.efficiencyGain = efficiencyGain;
    }


    // Each Known is made the first time a rule asks for it and then kept: a fact lives for one
    // decision in one session, and several rules ask for the same field.
    private Known<Boolean> channelsWellDevelopedKnown;
    public Known<Boolean> channelsWellDeveloped() {
        if (channelsWellDevelopedKnown == null) {
            channelsWellDevelopedKnown = new Known<>(channelsWellDeveloped, "preconditions.channelsWellDeveloped");
        }
        return channelsWellDevelopedKnown;
    }
    private Known<Boolean> backOfficeInOrderKnown;
    public Known<Boolean> backOfficeInOrder() {
        if (backOfficeInOrderKnown == null) {
            backOfficeInOrderKnown = new Known<>(backOfficeInOrder, "preconditions.backOfficeInOrder");
        }
        return backOfficeInOrderKnown;
    }
    private Known<Boolean> improvesServiceKnown;
    public Known<Boolean> improvesService() {
        if (improvesServiceKnown == null) {
            improvesServiceKnown = new Known<>(improvesService, "preconditions.improvesService");
        }
        return improvesServiceKnown;
    }
    private Known<Boolean> efficiencyGainKnown;
    public Known<Boolean> efficiencyGain() {
        if (efficiencyGainKnown == null) {
            efficiencyGainKnown = new Known<>(efficiencyGain, "preconditions.efficiencyGain");
        }
        return efficiencyGainKnown;
    }

    @Override
    public String label() {
        return "Preconditions";
    }

    @Override
    public Map<String, Object> snapshot() {
        return new Snapshot().with("channelsWellDeveloped", channelsWellDeveloped)
                .with("backOfficeInOrder", backOfficeInOrder).with("improvesService", improvesService)
                .with("efficiencyGain", efficiencyGain).build();
    }
}
