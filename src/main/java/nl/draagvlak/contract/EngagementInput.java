package nl.draagvlak.contract;

import nl.draagvlak.model.ItEngagement;

public record EngagementInput(
        Boolean managerTourDone,
        ItEngagement itEngagement,
        Boolean prototypePlanned,
        Boolean nbaSetDefinedJointly,
        Boolean dashboardNeedsAsked,
        Boolean feedbackCollected,
        Boolean feedbackIncorporated,
        Boolean successSharedJointly) {
}
