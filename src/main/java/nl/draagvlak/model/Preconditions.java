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


    public Known<Boolean> channelsWellDeveloped() { return new Known<>(channelsWellDeveloped, "preconditions.channelsWellDeveloped"); }
    public Known<Boolean> backOfficeInOrder() { return new Known<>(backOfficeInOrder, "preconditions.backOfficeInOrder"); }
    public Known<Boolean> improvesService() { return new Known<>(improvesService, "preconditions.improvesService"); }
    public Known<Boolean> efficiencyGain() { return new Known<>(efficiencyGain, "preconditions.efficiencyGain"); }

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
