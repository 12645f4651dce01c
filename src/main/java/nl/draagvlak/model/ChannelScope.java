package nl.draagvlak.model;

/** Whether channels change one by one or together. */
public enum ChannelScope {
    CHANNEL_BY_CHANNEL, ALL_AT_ONCE
}
