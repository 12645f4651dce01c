package nl.draagvlak.contract;

import nl.draagvlak.model.Direction;
import nl.draagvlak.model.Management;
import nl.draagvlak.model.Responsibility;
import nl.draagvlak.model.Rollout;

public record ChangeStrategyInput(
        Rollout rollout,
        Direction direction,
        Management management,
        Responsibility responsibility,
        Boolean milestonesDefined) {
}
