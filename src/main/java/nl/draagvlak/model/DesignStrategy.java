package nl.draagvlak.model;

import java.util.Map;

/** What the migration designs first (migratiestrategie: Ontwerpstrategieën). */
public final class DesignStrategy implements Fact {

    private final StartingPoint startingPoint;
    private final ChannelScope channelScope;
    private final Ambition ambition;

    public DesignStrategy(StartingPoint startingPoint, ChannelScope channelScope, Ambition ambition) {
        this.startingPoint = startingPoint;
        this.channelScope = channelScope;
        this.ambition = ambition;
    }

    /** A design strategy is given when at least one of its fields is known. */
    public boolean isGiven() {
        return startingPoint != null || channelScope != null || ambition != null;
    }


    // Each Known is made the first time a rule asks for it and then kept: a fact lives for one
    // decision in one session, and several rules ask for the same field.
    private Known<StartingPoint> startingPointKnown;
    public Known<StartingPoint> startingPoint() {
        if (startingPointKnown == null) {
            startingPointKnown = new Known<>(startingPoint, "designStrategy.startingPoint");
        }
        return startingPointKnown;
    }
    private Known<ChannelScope> channelScopeKnown;
    public Known<ChannelScope> channelScope() {
        if (channelScopeKnown == null) {
            channelScopeKnown = new Known<>(channelScope, "designStrategy.channelScope");
        }
        return channelScopeKnown;
    }
    private Known<Ambition> ambitionKnown;
    public Known<Ambition> ambition() {
        if (ambitionKnown == null) {
            ambitionKnown = new Known<>(ambition, "designStrategy.ambition");
        }
        return ambitionKnown;
    }

    @Override
    public String label() {
        return "DesignStrategy";
    }

    @Override
    public Map<String, Object> snapshot() {
        return new Snapshot().with("startingPoint", startingPoint).with("channelScope", channelScope)
                .with("ambition", ambition).build();
    }
}
