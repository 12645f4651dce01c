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


    public Known<Boolean> managerTourDone() { return new Known<>(managerTourDone, "engagement.managerTourDone"); }
    public Known<ItEngagement> itEngagement() { return new Known<>(itEngagement, "engagement.itEngagement"); }
    public Known<Boolean> prototypePlanned() { return new Known<>(prototypePlanned, "engagement.prototypePlanned"); }
    public Known<Boolean> nbaSetDefinedJointly() { return new Known<>(nbaSetDefinedJointly, "engagement.nbaSetDefinedJointly"); }
    public Known<Boolean> dashboardNeedsAsked() { return new Known<>(dashboardNeedsAsked, "engagement.dashboardNeedsAsked"); }
    public Known<Boolean> feedbackCollected() { return new Known<>(feedbackCollected, "engagement.feedbackCollected"); }
    public Known<Boolean> feedbackIncorporated() { return new Known<>(feedbackIncorporated, "engagement.feedbackIncorporated"); }
    public Known<Boolean> successSharedJointly() { return new Known<>(successSharedJointly, "engagement.successSharedJointly"); }

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
