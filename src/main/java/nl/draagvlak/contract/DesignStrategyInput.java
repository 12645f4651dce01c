package nl.draagvlak.contract;

import nl.draagvlak.model.Ambition;
import nl.draagvlak.model.ChannelScope;
import nl.draagvlak.model.StartingPoint;

public record DesignStrategyInput(StartingPoint startingPoint, ChannelScope channelScope, Ambition ambition) {
}
