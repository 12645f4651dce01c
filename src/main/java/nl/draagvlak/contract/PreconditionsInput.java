package nl.draagvlak.contract;

public record PreconditionsInput(
        Boolean channelsWellDeveloped,
        Boolean backOfficeInOrder,
        Boolean improvesService,
        Boolean efficiencyGain) {
}
