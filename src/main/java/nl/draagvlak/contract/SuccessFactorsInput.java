package nl.draagvlak.contract;

public record SuccessFactorsInput(
        Boolean leadership,
        Boolean managementSponsorship,
        Boolean consistentVision,
        Boolean administrativeChampion) {
}
