package nl.draagvlak.model;

import java.util.Map;

/** What has been done to win support across the organisation (the draagvlak article). */
public final class Engagement implements Fact {

    private final Boolean managerTourDone;
    private final ItEngagement itEngagement;
    private final Boolean prototypePlanned;
    private final Boolean nbaSetDefinedJointly;
    private final Boolean dashboardNeedsAsked;
    private final Boolean feedbackCollected;
    private final Boolean feedbackIncorporated;
    private final Boolean successSharedJointly;

    public Engagement(Boolean managerTourDone, ItEngagement itEngagement, Boolean prototypePlanned,
                      Boolean nbaSetDefinedJointly, Boolean dashboardNeedsAsked, Boolean feedbackCollected,
                      Boolean feedbackIncorporated, Boolean successSharedJointly) {
        this.managerTourDone = managerTourDone;
        this.itEngagement = itEngagement;
        this.prototypePlanned = prototypePlanned;
        this.nbaSetDefinedJointly = nbaSetDefinedJointly;
        this.dashboardNeedsAsked = dashboardNeedsAsked;
        this.feedbackCollected = feedbackCollected;
        this.feedbackIncorporated = feedbackIncorporated;
        this.successSharedJointly = successSharedJointly;
    }


    // Each Known is made the first time a rule asks for it and then kept: a fact lives for one
    // decision in one session, and several rules ask for the same field.
    private Known<Boolean> managerTourDoneKnown;
    public Known<Boolean> managerTourDone() {
        if (managerTourDoneKnown == null) {
            managerTourDoneKnown = new Known<>(managerTourDone, "engagement.managerTourDone");
        }
        return managerTourDoneKnown;
    }
    private Known<ItEngagement> itEngagementKnown;
    public Known<ItEngagement> itEngagement() {
        if (itEngagementKnown == null) {
            itEngagementKnown = new Known<>(itEngagement, "engagement.itEngagement");
        }
        return itEngagementKnown;
    }
    private Known<Boolean> prototypePlannedKnown;
    public Known<Boolean> prototypePlanned() {
        if (prototypePlannedKnown == null) {
            prototypePlannedKnown = new Known<>(prototypePlanned, "engagement.prototypePlanned");
        }
        return prototypePlannedKnown;
    }
    private Known<Boolean> nbaSetDefinedJointlyKnown;
    public Known<Boolean> nbaSetDefinedJointly() {
        if (nbaSetDefinedJointlyKnown == null) {
            nbaSetDefinedJointlyKnown = new Known<>(nbaSetDefinedJointly, "engagement.nbaSetDefinedJointly");
        }
        return nbaSetDefinedJointlyKnown;
    }
    private Known<Boolean> dashboardNeedsAskedKnown;
    public Known<Boolean> dashboardNeedsAsked() {
        if (dashboardNeedsAskedKnown == null) {
            dashboardNeedsAskedKnown = new Known<>(dashboardNeedsAsked, "engagement.dashboardNeedsAsked");
        }
        return dashboardNeedsAskedKnown;
    }
    private Known<Boolean> feedbackCollectedKnown;
    public Known<Boolean> feedbackCollected() {
        if (feedbackCollectedKnown == null) {
            feedbackCollectedKnown = new Known<>(feedbackCollected, "engagement.feedbackCollected");
        }
        return feedbackCollectedKnown;
    }
    private Known<Boolean> feedbackIncorporatedKnown;
    public Known<Boolean> feedbackIncorporated() {
        if (feedbackIncorporatedKnown == null) {
            feedbackIncorporatedKnown = new Known<>(feedbackIncorporated, "engagement.feedbackIncorporated");
        }
        return feedbackIncorporatedKnown;
    }
    private Known<Boolean> successSharedJointlyKnown;
    public Known<Boolean> successSharedJointly() {
        if (successSharedJointlyKnown == null) {
            successSharedJointlyKnown = new Known<>(successSharedJointly, "engagement.successSharedJointly");
        }
        return successSharedJointlyKnown;
    }

    @Override
    public String label() {
        return "Engagement";
    }

    @Override
    public Map<String, Object> snapshot() {
        return new Snapshot().with("managerTourDone", managerTourDone).with("itEngagement", itEngagement)
                .with("prototypePlanned", prototypePlanned).with("nbaSetDefinedJointly", nbaSetDefinedJointly)
                .with("dashboardNeedsAsked", dashboardNeedsAsked).with("feedbackCollected", feedbackCollected)
                .with("feedbackIncorporated", feedbackIncorporated)
                .with("successSharedJointly", successSharedJointly).build();
    }
}
