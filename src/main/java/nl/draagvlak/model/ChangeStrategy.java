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


    // Each Known is made the first time a rule asks for it and then kept: a fact lives for one
    // decision in one session, and several rules ask for the same field.
    private Known<Rollout> rolloutKnown;
    public Known<Rollout> rollout() {
        if (rolloutKnown == null) {
            rolloutKnown = new Known<>(rollout, "changeStrategy.rollout");
        }
        return rolloutKnown;
    }
    private Known<Direction> directionKnown;
    public Known<Direction> direction() {
        if (directionKnown == null) {
            directionKnown = new Known<>(direction, "changeStrategy.direction");
        }
        return directionKnown;
    }
    private Known<Management> managementKnown;
    public Known<Management> management() {
        if (managementKnown == null) {
            managementKnown = new Known<>(management, "changeStrategy.management");
        }
        return managementKnown;
    }
    private Known<Responsibility> responsibilityKnown;
    public Known<Responsibility> responsibility() {
        if (responsibilityKnown == null) {
            responsibilityKnown = new Known<>(responsibility, "changeStrategy.responsibility");
        }
        return responsibilityKnown;
    }
    private Known<Boolean> milestonesDefinedKnown;
    public Known<Boolean> milestonesDefined() {
        if (milestonesDefinedKnown == null) {
            milestonesDefinedKnown = new Known<>(milestonesDefined, "changeStrategy.milestonesDefined");
        }
        return milestonesDefinedKnown;
    }

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
