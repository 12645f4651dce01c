package nl.draagvlak.engine;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import nl.draagvlak.contract.ChangeStrategyInput;
import nl.draagvlak.contract.DecisionRequest;
import nl.draagvlak.contract.DesignStrategyInput;
import nl.draagvlak.contract.EngagementInput;
import nl.draagvlak.contract.InitiativeInput;
import nl.draagvlak.contract.PreconditionsInput;
import nl.draagvlak.contract.StakeholderInput;
import nl.draagvlak.contract.SuccessFactorsInput;
import nl.draagvlak.model.ChangeStrategy;
import nl.draagvlak.model.DesignStrategy;
import nl.draagvlak.model.Engagement;
import nl.draagvlak.model.Fact;
import nl.draagvlak.model.Initiative;
import nl.draagvlak.model.Preconditions;
import nl.draagvlak.model.Resistance;
import nl.draagvlak.model.Stakeholder;
import nl.draagvlak.model.Stakeholders;
import nl.draagvlak.model.SuccessFactors;

/**
 * Turns a request into the facts the rules match. Every section is inserted, given or not, with
 * absent fields left unknown (null), never defaulted to false or zero.
 */
final class RequestFacts {

    private RequestFacts() {
    }

    static List<Fact> of(DecisionRequest request) {
        List<Fact> facts = new ArrayList<>();
        InitiativeInput initiative = Objects.requireNonNull(request.initiative(), "initiative");
        facts.add(new Initiative(initiative.name(), initiative.kind(), initiative.organisationType(),
                initiative.useCase(), initiative.leadTimeMonths(), initiative.resources(),
                initiative.organisationalSupport(), initiative.businessCase()));
        DesignStrategyInput design = Objects.requireNonNullElse(request.designStrategy(),
                new DesignStrategyInput(null, null, null));
        facts.add(new DesignStrategy(design.startingPoint(), design.channelScope(), design.ambition()));
        ChangeStrategyInput change = Objects.requireNonNullElse(request.changeStrategy(),
                new ChangeStrategyInput(null, null, null, null, null));
        facts.add(new ChangeStrategy(change.rollout(), change.direction(), change.management(),
                change.responsibility(), change.milestonesDefined()));
        SuccessFactorsInput success = Objects.requireNonNullElse(request.successFactors(),
                new SuccessFactorsInput(null, null, null, null));
        facts.add(new SuccessFactors(success.leadership(), success.managementSponsorship(),
                success.consistentVision(), success.administrativeChampion()));
        PreconditionsInput preconditions = Objects.requireNonNullElse(request.preconditions(),
                new PreconditionsInput(null, null, null, null));
        facts.add(new Preconditions(preconditions.channelsWellDeveloped(), preconditions.backOfficeInOrder(),
                preconditions.improvesService(), preconditions.efficiencyGain()));
        EngagementInput engagement = Objects.requireNonNullElse(request.engagement(),
                new EngagementInput(null, null, null, null, null, null, null, null));
        facts.add(new Engagement(engagement.managerTourDone(), engagement.itEngagement(),
                engagement.prototypePlanned(), engagement.nbaSetDefinedJointly(), engagement.dashboardNeedsAsked(),
                engagement.feedbackCollected(), engagement.feedbackIncorporated(), engagement.successSharedJointly()));
        addStakeholders(request.stakeholders(), facts);
        return facts;
    }

    private static void addStakeholders(List<StakeholderInput> inputs, List<Fact> facts) {
        if (inputs == null) {
            facts.add(Stakeholders.unknown());
            facts.add(Stakeholder.ofUnknownList());
            return;
        }
        List<Stakeholder> stakeholders = new ArrayList<>(inputs.size());
        for (int index = 0; index < inputs.size(); index++) {
            StakeholderInput input = inputs.get(index);
            stakeholders.add(new Stakeholder(index, input.department(), input.name(), input.affected(),
                    input.involvement(), resistanceOf(input), input.trainingPlanned()));
        }
        facts.add(Stakeholders.of(stakeholders));
        facts.addAll(stakeholders);
    }

    /** An absent resistance list means none was observed (catalogue, reading 7). */
    private static Set<Resistance> resistanceOf(StakeholderInput input) {
        return input.resistance() == null || input.resistance().isEmpty()
                ? Set.of() : EnumSet.copyOf(input.resistance());
    }
}
