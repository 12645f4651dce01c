package nl.draagvlak.model;

import java.util.Map;

/** How the migration is run (migratiestrategie: Veranderstrategieën). */
public final class ChangeStrategy implements Fact {

    private final Rollout rollout;
    private final Direction direction;
    private final Management management;
    private final Responsibility responsibility;
    private final Boolean milestonesDefined;

    public ChangeStrategy(Rollout rollout, Direction direction, Management management,
                          Responsibility responsibility, Boolean milestonesDefined) {
        this.rollout = rollout;
        this.direction = direction;
        this.management = management;
        this.responsibility = responsibility;
        this.milestonesDefined = milestonesDefined;
    }

    /** A change strategy is given when at least one of its fields is known. */
    public boolean isGiven() {
        return rollout != null || direction != null || management != null || responsibility != null
                || milestonesDefined != null;
    }


    public Known<Rollout> rollout() { return new Known<>(rollout, "changeStrategy.rollout"); }
    public Known<Direction> direction() { return new Known<>(direction, "changeStrategy.direction"); }
    public Known<Management> management() { return new Known<>(management, "changeStrategy.management"); }
    public Known<Responsibility> responsibility() { return new Known<>(responsibility, "changeStrategy.responsibility"); }
    public Known<Boolean> milestonesDefined() { return new Known<>(milestonesDefined, "changeStrategy.milestonesDefined"); }

    @Override
    public String label() {
        return "ChangeStrategy";
    }

    @Override
    public Map<String, Object> snapshot() {
        return new Snapshot().with("rollout", rollout).with("direction", direction).with("management", management)
                .with("responsibility", responsibility).with("milestonesDefined", milestonesDefined).build();
    }
}
