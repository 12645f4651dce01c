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


    public Known<StartingPoint> startingPoint() { return new Known<>(startingPoint, "designStrategy.startingPoint"); }
    public Known<ChannelScope> channelScope() { return new Known<>(channelScope, "designStrategy.channelScope"); }
    public Known<Ambition> ambition() { return new Known<>(ambition, "designStrategy.ambition"); }

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
