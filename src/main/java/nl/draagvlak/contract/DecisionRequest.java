package nl.draagvlak.contract;

import java.util.List;

/**
 * The body of {@code POST /api/v1/decisions}: an initiative assessment, field for field as
 * {@code spec/decision-api.md} names it. Every field but {@code initiative.kind} and
 * {@code initiative.organisationType} may be absent; absent (or null) means unknown.
 */
public record DecisionRequest(
        InitiativeInput initiative,
        DesignStrategyInput designStrategy,
        ChangeStrategyInput changeStrategy,
        SuccessFactorsInput successFactors,
        PreconditionsInput preconditions,
        List<StakeholderInput> stakeholders,
        EngagementInput engagement) {
}
