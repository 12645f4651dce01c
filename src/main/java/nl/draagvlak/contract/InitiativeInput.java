package nl.draagvlak.contract;

import nl.draagvlak.model.InitiativeKind;
import nl.draagvlak.model.Level;
import nl.draagvlak.model.OrganisationType;
import nl.draagvlak.model.UseCase;

public record InitiativeInput(
        String name,
        InitiativeKind kind,
        OrganisationType organisationType,
        UseCase useCase,
        Integer leadTimeMonths,
        Level resources,
        Level organisationalSupport,
        Boolean businessCase) {
}
