package nl.draagvlak.advice;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import nl.draagvlak.contract.RequestSpace;
import nl.draagvlak.engine.CompiledRuleset;
import nl.draagvlak.engine.RuleFolder;
import nl.draagvlak.engine.RulesetCompiler;

/** The catalogue ruleset, compiled once for the advice tests, and the requests they search. */
final class AdviceRequests {

    /** The README's first decision: NOT_READY with 14 findings. */
    static final String README = """
            {"initiative": { "name": "Digital counter 2027", "kind": "MULTICHANNEL_MIGRATION",
              "organisationType": "MUNICIPALITY", "leadTimeMonths": 18, "resources": "MEDIUM",
              "organisationalSupport": "LOW", "businessCase": true },
             "designStrategy": { "startingPoint": "FRONT_OFFICE", "channelScope": "CHANNEL_BY_CHANNEL", "ambition": "LOW_HANGING_FRUIT" },
             "changeStrategy": { "rollout": "STEPWISE", "direction": "TOP_DOWN", "management": "PROJECT",
               "responsibility": "PROJECT_ORGANISATION", "milestonesDefined": true },
             "successFactors": { "leadership": true, "managementSponsorship": true, "consistentVision": true },
             "preconditions": { "channelsWellDeveloped": true, "backOfficeInOrder": false, "improvesService": true, "efficiencyGain": true },
             "stakeholders": [ { "department": "MARKETING", "name": "Campaign team", "affected": true, "involvement": "INFORMED",
               "resistance": ["DISTRUSTS_TECHNIQUE"], "trainingPlanned": false } ],
             "engagement": { "managerTourDone": false, "itEngagement": "BACKLOG_REQUEST", "prototypePlanned": true,
               "nbaSetDefinedJointly": false, "dashboardNeedsAsked": false, "feedbackCollected": true,
               "feedbackIncorporated": false, "successSharedJointly": false }}""";

    /** test-cases/verdict/ready-when-everything-is-in-place.yaml: READY. */
    static final String READY = """
            {"initiative": {"name": "Customer analytics 2027", "kind": "ANALYTICS_SOLUTION", "organisationType": "COMPANY", "useCase": "OTHER", "leadTimeMonths": 18, "resources": "MEDIUM", "organisationalSupport": "HIGH", "businessCase": true}, "designStrategy": {"startingPoint": "BACK_OFFICE", "channelScope": "CHANNEL_BY_CHANNEL", "ambition": "LOW_HANGING_FRUIT"}, "changeStrategy": {"rollout": "STEPWISE", "direction": "BOTTOM_UP", "management": "PROCESS", "responsibility": "LINE_MANAGEMENT", "milestonesDefined": true}, "successFactors": {"leadership": true, "managementSponsorship": true, "consistentVision": true, "administrativeChampion": true}, "preconditions": {"channelsWellDeveloped": true, "backOfficeInOrder": true, "improvesService": true, "efficiencyGain": true}, "stakeholders": [{"department": "MARKETING", "name": "Campaign team", "affected": true, "involvement": "CO_DEVELOPING", "trainingPlanned": true}], "engagement": {"managerTourDone": true, "itEngagement": "JOINT_DEVELOPMENT", "prototypePlanned": true, "nbaSetDefinedJointly": true, "dashboardNeedsAsked": true, "feedbackCollected": true, "feedbackIncorporated": true, "successSharedJointly": true}}""";

    /** The same plan with its back office not in order: NOT_READY on one blocker. */
    static final String BACK_OFFICE_NOT_IN_ORDER = """
            {"initiative": {"name": "Customer analytics 2027", "kind": "ANALYTICS_SOLUTION", "organisationType": "COMPANY", "useCase": "OTHER", "leadTimeMonths": 18, "resources": "MEDIUM", "organisationalSupport": "HIGH", "businessCase": true}, "designStrategy": {"startingPoint": "BACK_OFFICE", "channelScope": "CHANNEL_BY_CHANNEL", "ambition": "LOW_HANGING_FRUIT"}, "changeStrategy": {"rollout": "STEPWISE", "direction": "BOTTOM_UP", "management": "PROCESS", "responsibility": "LINE_MANAGEMENT", "milestonesDefined": true}, "successFactors": {"leadership": true, "managementSponsorship": true, "consistentVision": true, "administrativeChampion": true}, "preconditions": {"channelsWellDeveloped": true, "backOfficeInOrder": false, "improvesService": true, "efficiencyGain": true}, "stakeholders": [{"department": "MARKETING", "name": "Campaign team", "affected": true, "involvement": "CO_DEVELOPING", "trainingPlanned": true}], "engagement": {"managerTourDone": true, "itEngagement": "JOINT_DEVELOPMENT", "prototypePlanned": true, "nbaSetDefinedJointly": true, "dashboardNeedsAsked": true, "feedbackCollected": true, "feedbackIncorporated": true, "successSharedJointly": true}}""";

    private static CompiledRuleset catalogue;

    private AdviceRequests() {
    }

    static synchronized CompiledRuleset catalogue() {
        if (catalogue == null) {
            catalogue = new RulesetCompiler().compile(RuleFolder.read(Path.of("rules")));
        }
        return catalogue;
    }

    static Map<String, Object> parse(String json) {
        return RequestSpace.parse(json.getBytes(StandardCharsets.UTF_8));
    }
}
