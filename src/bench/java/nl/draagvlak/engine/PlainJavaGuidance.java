package nl.draagvlak.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import nl.draagvlak.contract.ChangeStrategyInput;
import nl.draagvlak.contract.DecisionRequest;
import nl.draagvlak.contract.DesignStrategyInput;
import nl.draagvlak.contract.EngagementInput;
import nl.draagvlak.contract.InitiativeInput;
import nl.draagvlak.contract.PreconditionsInput;
import nl.draagvlak.contract.StakeholderInput;
import nl.draagvlak.contract.SuccessFactorsInput;
import nl.draagvlak.model.Ambition;
import nl.draagvlak.model.ChannelScope;
import nl.draagvlak.model.Department;
import nl.draagvlak.model.Direction;
import nl.draagvlak.model.Finding;
import nl.draagvlak.model.FindingType;
import nl.draagvlak.model.InitiativeKind;
import nl.draagvlak.model.Involvement;
import nl.draagvlak.model.ItEngagement;
import nl.draagvlak.model.Level;
import nl.draagvlak.model.Management;
import nl.draagvlak.model.NotAssessed;
import nl.draagvlak.model.OrganisationType;
import nl.draagvlak.model.Resistance;
import nl.draagvlak.model.Rollout;
import nl.draagvlak.model.Severity;
import nl.draagvlak.model.StartingPoint;
import nl.draagvlak.model.UseCase;
import nl.draagvlak.model.Verdict;

/**
 * The floor: the guidance catalogue hand-coded in plain Java, for the benchmarks only. Each rule is
 * its catalogue condition evaluated straight off the request, three-valued (Kleene) where a field
 * may be unknown, giving the same findings, "not assessed" entries and verdict as the DRL rules.
 * No session, no facts, no trace.
 */
final class PlainJavaGuidance {

    /** What the floor decides: the same parts of a decision the engine returns, without the trace. */
    record Outcome(Verdict verdict, String verdictRuleId, List<Finding> findings, List<NotAssessed> notAssessed) {
    }

    // The contract's order, exactly as the engine sorts.
    private static final Comparator<Finding> FINDING_ORDER = DecisionEngine.FINDING_ORDER;
    private static final Comparator<NotAssessed> NOT_ASSESSED_ORDER = DecisionEngine.NOT_ASSESSED_ORDER;

    private static final DesignStrategyInput NO_DESIGN = new DesignStrategyInput(null, null, null);
    private static final ChangeStrategyInput NO_CHANGE = new ChangeStrategyInput(null, null, null, null, null);
    private static final SuccessFactorsInput NO_FACTORS = new SuccessFactorsInput(null, null, null, null);
    private static final PreconditionsInput NO_PRECONDITIONS = new PreconditionsInput(null, null, null, null);
    private static final EngagementInput NO_ENGAGEMENT =
            new EngagementInput(null, null, null, null, null, null, null, null);

    private PlainJavaGuidance() {
    }

    static Outcome decide(DecisionRequest request) {
        Run run = new Run();
        InitiativeInput plan = request.initiative();
        DesignStrategyInput design = request.designStrategy() == null ? NO_DESIGN : request.designStrategy();
        ChangeStrategyInput change = request.changeStrategy() == null ? NO_CHANGE : request.changeStrategy();
        SuccessFactorsInput factors = request.successFactors() == null ? NO_FACTORS : request.successFactors();
        PreconditionsInput pre = request.preconditions() == null ? NO_PRECONDITIONS : request.preconditions();
        EngagementInput engagement = request.engagement() == null ? NO_ENGAGEMENT : request.engagement();
        List<StakeholderInput> stakeholders = request.stakeholders();

        Tri support = is(plan.organisationalSupport(), Level.LOW, "initiative.organisationalSupport");
        Tri lowResources = is(plan.resources(), Level.LOW, "initiative.resources");
        Integer lead = plan.leadTimeMonths();
        Tri shortLead = lead == null ? Tri.unknown("initiative.leadTimeMonths") : Tri.of(lead < 12);
        Tri longLead = lead == null ? Tri.unknown("initiative.leadTimeMonths") : Tri.of(lead > 24);

        boolean designGiven = design.startingPoint() != null || design.channelScope() != null
                || design.ambition() != null;
        boolean changeGiven = change.rollout() != null || change.direction() != null || change.management() != null
                || change.responsibility() != null || change.milestonesDefined() != null;

        if (designGiven) {
            Tri frontOffice = is(design.startingPoint(), StartingPoint.FRONT_OFFICE, "designStrategy.startingPoint");
            run.conclude(Rule.FO_QUICK_WINS, frontOffice);
            run.conclude(Rule.FO_BACKOFFICE_LAG,
                    frontOffice.and(isFalse(pre.backOfficeInOrder(), "preconditions.backOfficeInOrder")));
            run.conclude(Rule.BO_TOO_HEAVY,
                    is(design.startingPoint(), StartingPoint.BACK_OFFICE, "designStrategy.startingPoint")
                            .and(longLead.or(lowResources)));
            run.conclude(Rule.RADICAL_SHORT_LEADTIME,
                    is(design.ambition(), Ambition.RADICAL_REDESIGN, "designStrategy.ambition")
                            .and(shortLead.or(lowResources)));
            run.conclude(Rule.ALL_CHANNELS_LOW_SUPPORT,
                    is(design.channelScope(), ChannelScope.ALL_AT_ONCE, "designStrategy.channelScope").and(support));
            run.conclude(Rule.CHOICE_FACTORS, Tri.of(lead == null || plan.resources() == null
                    || plan.organisationalSupport() == null));
            if (!changeGiven) {
                run.conclude(Rule.NO_CHANGE_STRATEGY, Tri.TRUE);
            }
        }

        if (changeGiven) {
            Tri project = is(change.management(), Management.PROJECT, "changeStrategy.management");
            Tri process = is(change.management(), Management.PROCESS, "changeStrategy.management");
            Tri bigBang = is(change.rollout(), Rollout.BIG_BANG, "changeStrategy.rollout");
            run.conclude(Rule.PROJECT_WEAK_SUPPORT, project.and(noAffectedCoDeveloping(stakeholders).or(support)));
            run.conclude(Rule.PROJECT_MILESTONES,
                    project.and(isFalse(change.milestonesDefined(), "changeStrategy.milestonesDefined")));
            run.conclude(Rule.PROCESS_SLOWER, process);
            run.conclude(Rule.PROCESS_TIGHT_DEADLINE, process.and(shortLead));
            run.conclude(Rule.BIG_BANG_LOW_SUPPORT, bigBang.and(support.or(lowResources)));
            run.conclude(Rule.EXTREMES, bigBang
                    .and(is(design.channelScope(), ChannelScope.ALL_AT_ONCE, "designStrategy.channelScope"))
                    .and(is(design.ambition(), Ambition.RADICAL_REDESIGN, "designStrategy.ambition")));
            run.conclude(Rule.TOP_DOWN_ONLY, is(change.direction(), Direction.TOP_DOWN, "changeStrategy.direction")
                    .and(project)
                    .and(is(plan.organisationalSupport(), Level.HIGH, "initiative.organisationalSupport").not()));
            run.conclude(Rule.OWNER_UNCLEAR, Tri.of(change.responsibility() == null));
        }

        if (plan.kind() == InitiativeKind.MULTICHANNEL_MIGRATION) {
            run.conclude(Rule.CHANNELS_IMMATURE,
                    isFalse(pre.channelsWellDeveloped(), "preconditions.channelsWellDeveloped"));
        }
        run.conclude(Rule.BACKOFFICE_NOT_IN_ORDER, isFalse(pre.backOfficeInOrder(), "preconditions.backOfficeInOrder"));
        run.conclude(Rule.NO_SERVICE_GAIN, isFalse(pre.improvesService(), "preconditions.improvesService"));
        run.conclude(Rule.NO_EFFICIENCY_GAIN, isFalse(pre.efficiencyGain(), "preconditions.efficiencyGain"));

        run.conclude(Rule.NO_VISION, isFalse(factors.consistentVision(), "successFactors.consistentVision"));
        run.conclude(Rule.NO_LEADERSHIP, isFalse(factors.leadership(), "successFactors.leadership"));
        run.conclude(Rule.NO_SPONSOR, isFalse(factors.managementSponsorship(), "successFactors.managementSponsorship"));
        if (plan.organisationType() == OrganisationType.MUNICIPALITY) {
            run.conclude(Rule.NO_ADMIN_CHAMPION,
                    isFalse(factors.administrativeChampion(), "successFactors.administrativeChampion"));
        }

        // Next Best Action scope (catalogue reading 4): applies when the use case is NBA; undecided for an
        // analytics solution whose use case is unknown; otherwise the NBA rules do not apply.
        boolean nbaApplies = plan.useCase() == UseCase.NEXT_BEST_ACTION
                || (plan.useCase() == null && plan.kind() == InitiativeKind.ANALYTICS_SOLUTION);
        Tri nba = is(plan.useCase(), UseCase.NEXT_BEST_ACTION, "initiative.useCase");

        if (stakeholders == null) {
            perStakeholder(run, null, null, nbaApplies, nba);
        } else {
            for (int i = 0; i < stakeholders.size(); i++) {
                perStakeholder(run, stakeholders.get(i), i, nbaApplies, nba);
            }
        }
        run.conclude(Rule.BUSINESS_CASE_ONLY, isTrue(plan.businessCase(), "initiative.businessCase")
                .and(fewerThanHalfOfAffectedEngaged(stakeholders)));
        run.conclude(Rule.NO_MANAGER_TOUR, isFalse(engagement.managerTourDone(), "engagement.managerTourDone"));
        if (nbaApplies) {
            run.conclude(Rule.NBA_SET_NOT_JOINT,
                    nba.and(isFalse(engagement.nbaSetDefinedJointly(), "engagement.nbaSetDefinedJointly")));
        }
        ItEngagement it = engagement.itEngagement();
        run.conclude(Rule.IT_BACKLOG, is(it, ItEngagement.BACKLOG_REQUEST, "engagement.itEngagement"));
        run.conclude(Rule.IT_MANDATE, is(it, ItEngagement.TOP_DOWN_MANDATE, "engagement.itEngagement"));
        if (plan.kind() == InitiativeKind.ANALYTICS_SOLUTION) {
            run.conclude(Rule.IT_NOT_ENGAGED, is(it, ItEngagement.NONE, "engagement.itEngagement"));
        }
        run.conclude(Rule.PROTOTYPE_WITHOUT_IT, isTrue(engagement.prototypePlanned(), "engagement.prototypePlanned")
                .and(is(it, ItEngagement.JOINT_DEVELOPMENT, "engagement.itEngagement").not()));
        run.conclude(Rule.DASHBOARD_NEEDS, isFalse(engagement.dashboardNeedsAsked(), "engagement.dashboardNeedsAsked"));
        run.conclude(Rule.FEEDBACK_IGNORED, isTrue(engagement.feedbackCollected(), "engagement.feedbackCollected")
                .and(isFalse(engagement.feedbackIncorporated(), "engagement.feedbackIncorporated")));
        run.conclude(Rule.SHARED_SUCCESS, isFalse(engagement.successSharedJointly(), "engagement.successSharedJointly"));

        return run.outcome();
    }

    /** The per-stakeholder rules for one entry, or (entry null) once for an unknown list, without a subject. */
    private static void perStakeholder(Run run, StakeholderInput entry, Integer index, boolean nbaApplies, Tri nba) {
        String prefix = index == null ? null : "stakeholders[" + index + "].";
        Department department = entry == null ? null : entry.department();
        Boolean affectedValue = entry == null ? null : entry.affected();
        Involvement involvement = entry == null ? null : entry.involvement();
        Tri affected = isTrue(affectedValue, path(prefix, "affected"));
        String involvementPath = path(prefix, "involvement");
        run.subject(department, index);
        run.conclude(Rule.STAKEHOLDER_NOT_INVOLVED, affected.and(is(involvement, Involvement.NONE, involvementPath)));
        run.conclude(Rule.ONLY_INFORMED, affected.and(is(involvement, Involvement.INFORMED, involvementPath)));
        run.conclude(Rule.CONSULTED_ONLY, affected.and(is(involvement, Involvement.CONSULTED, involvementPath)));
        List<Resistance> resistance = entry == null ? null : entry.resistance();
        run.conclude(Rule.RESIST_UNFAMILIAR, resists(entry, resistance, Resistance.UNFAMILIAR_WITH_TECHNIQUE));
        run.conclude(Rule.RESIST_NOT_UNDERSTOOD, resists(entry, resistance, Resistance.DOES_NOT_UNDERSTAND));
        run.conclude(Rule.RESIST_DISTRUST, resists(entry, resistance, Resistance.DISTRUSTS_TECHNIQUE));
        run.conclude(Rule.RESIST_INPUT_DATA, resists(entry, resistance, Resistance.DOES_NOT_UNDERSTAND_INPUT_DATA));
        run.conclude(Rule.RESIST_CHANGE_AVERSE, resists(entry, resistance, Resistance.AVERSE_TO_CHANGE));
        run.conclude(Rule.RESIST_NO_NEED, resists(entry, resistance, Resistance.SEES_NO_NEED));
        run.conclude(Rule.RESIST_NOT_INVENTED_HERE, resists(entry, resistance, Resistance.NOT_INVENTED_HERE));
        if (nbaApplies) {
            String departmentPath = path(prefix, "department");
            Tri marketing = nba.and(is(department, Department.MARKETING, departmentPath)).and(affected);
            run.conclude(Rule.NBA_MARKETING_TRUST,
                    marketing.and(is(involvement, Involvement.CO_DEVELOPING, involvementPath).not()));
            run.conclude(Rule.NBA_CAMPAIGN_TIME, marketing);
            run.conclude(Rule.NBA_INBOUND_SKILLS, nba.and(is(department, Department.CALL_CENTER_INBOUND, departmentPath))
                    .and(affected)
                    .and(isFalse(entry == null ? null : entry.trainingPlanned(), path(prefix, "trainingPlanned"))));
            run.conclude(Rule.NBA_OUTBOUND_LIGHT,
                    nba.and(is(department, Department.CALL_CENTER_OUTBOUND, departmentPath)).and(affected));
        }
        run.subject(null, null);
    }

    private static String path(String prefix, String field) {
        return prefix == null ? "stakeholders" : prefix + field;
    }

    /** An absent resistance list means none was observed; an unknown stakeholder list leaves it unknown. */
    private static Tri resists(StakeholderInput entry, List<Resistance> resistance, Resistance kind) {
        if (entry == null) {
            return Tri.unknown("stakeholders");
        }
        return Tri.of(resistance != null && resistance.contains(kind));
    }

    /** No affected department co-develops (true for an empty list, unknown for an absent one). */
    private static Tri noAffectedCoDeveloping(List<StakeholderInput> stakeholders) {
        if (stakeholders == null) {
            return Tri.unknown("stakeholders");
        }
        Tri any = Tri.FALSE;
        for (int i = 0; i < stakeholders.size(); i++) {
            StakeholderInput s = stakeholders.get(i);
            any = any.or(isTrue(s.affected(), "stakeholders[" + i + "].affected")
                    .and(is(s.involvement(), Involvement.CO_DEVELOPING, "stakeholders[" + i + "].involvement")));
        }
        return any.not();
    }

    /**
     * 2 x engaged &lt; affected with at least one affected (catalogue reading 8), over every way the
     * unknown entries could turn out: holds if it holds in all, fails if in none, else undecided.
     */
    private static Tri fewerThanHalfOfAffectedEngaged(List<StakeholderInput> stakeholders) {
        if (stakeholders == null) {
            return Tri.unknown("stakeholders");
        }
        int lowest = 0;
        int highest = 0;
        Set<String> missing = null;
        for (int i = 0; i < stakeholders.size(); i++) {
            StakeholderInput s = stakeholders.get(i);
            Boolean affected = s.affected();
            Involvement involvement = s.involvement();
            if (Boolean.FALSE.equals(affected)) {
                continue;
            }
            int min;
            int max;
            if (involvement == null) {
                missing = add(missing, "stakeholders[" + i + "].involvement");
                min = -1;
                max = 1;
            } else {
                int contribution = involvement == Involvement.CONSULTED || involvement == Involvement.CO_DEVELOPING
                        ? -1 : 1;
                min = contribution;
                max = contribution;
            }
            if (affected == null) {
                missing = add(missing, "stakeholders[" + i + "].affected");
                min = Math.min(min, 0);
                max = Math.max(max, 0);
            }
            lowest += min;
            highest += max;
        }
        if (lowest >= 1) {
            return Tri.TRUE;
        }
        if (highest < 1) {
            return Tri.FALSE;
        }
        // Only the unknowns that could change the outcome are missing (reading 11): one whose values,
        // the other unknowns set some way, give both outcomes.
        Set<String> tipping = new LinkedHashSet<>();
        for (String field : missing) {
            if (tips(stakeholders, field)) {
                tipping.add(field);
            }
        }
        return Tri.unknown(tipping.toArray(String[]::new));
    }

    /** Brute force over the unknown fields' values: whether {@code field} can change the outcome. */
    private static boolean tips(List<StakeholderInput> stakeholders, String field) {
        List<String> unknown = new java.util.ArrayList<>();
        for (int i = 0; i < stakeholders.size(); i++) {
            if (stakeholders.get(i).affected() == null) {
                unknown.add("stakeholders[" + i + "].affected");
            }
            if (stakeholders.get(i).involvement() == null) {
                unknown.add("stakeholders[" + i + "].involvement");
            }
        }
        if (unknown.size() > 12) {
            return true;
        }
        int others = unknown.size() - 1;
        int at = unknown.indexOf(field);
        for (long combo = 0; combo < (1L << others); combo++) {
            Boolean first = null;
            for (int v = 0; v < 2; v++) {
                int sum = 0;
                boolean anyAffected = false;
                int bit = 0;
                for (int i = 0; i < stakeholders.size(); i++) {
                    StakeholderInput s = stakeholders.get(i);
                    Boolean affected = s.affected();
                    if (affected == null) {
                        int k = unknown.indexOf("stakeholders[" + i + "].affected");
                        affected = k == at ? v == 1 : ((combo >> bit++) & 1) == 1;
                    }
                    boolean engaged;
                    if (s.involvement() == null) {
                        int k = unknown.indexOf("stakeholders[" + i + "].involvement");
                        engaged = k == at ? v == 1 : ((combo >> bit++) & 1) == 1;
                    } else {
                        engaged = s.involvement() == Involvement.CONSULTED || s.involvement() == Involvement.CO_DEVELOPING;
                    }
                    if (affected) {
                        anyAffected = true;
                        sum += engaged ? -1 : 1;
                    }
                }
                boolean outcome = anyAffected && sum >= 1;
                if (first == null) {
                    first = outcome;
                } else if (first != outcome) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Set<String> add(Set<String> set, String value) {
        Set<String> result = set == null ? new LinkedHashSet<>() : set;
        result.add(value);
        return result;
    }

    private static <T> Tri is(T value, T expected, String path) {
        return value == null ? Tri.unknown(path) : Tri.of(value == expected);
    }

    private static Tri isTrue(Boolean value, String path) {
        return value == null ? Tri.unknown(path) : Tri.of(value);
    }

    private static Tri isFalse(Boolean value, String path) {
        return value == null ? Tri.unknown(path) : Tri.of(!value);
    }

    /** Kleene's three-valued logic; an unknown value names the request fields that could settle it. */
    static final class Tri {
        static final Tri TRUE = new Tri((byte) 1, null);
        static final Tri FALSE = new Tri((byte) 0, null);

        private final byte value;
        private final String[] missing;

        private Tri(byte value, String[] missing) {
            this.value = value;
            this.missing = missing;
        }

        static Tri of(boolean b) {
            return b ? TRUE : FALSE;
        }

        static Tri unknown(String... missing) {
            return new Tri((byte) 2, missing);
        }

        boolean holds() {
            return value == 1;
        }

        boolean unknown() {
            return value == 2;
        }

        Tri and(Tri other) {
            if (this == FALSE || other == FALSE) {
                return FALSE;
            }
            if (this == TRUE) {
                return other;
            }
            if (other == TRUE) {
                return this;
            }
            return unknown(union(missing, other.missing));
        }

        Tri or(Tri other) {
            if (this == TRUE || other == TRUE) {
                return TRUE;
            }
            if (this == FALSE) {
                return other;
            }
            if (other == FALSE) {
                return this;
            }
            return unknown(union(missing, other.missing));
        }

        Tri not() {
            return this == TRUE ? FALSE : this == FALSE ? TRUE : this;
        }

        List<String> missing() {
            return missing == null ? List.of() : List.of(missing);
        }

        private static String[] union(String[] first, String[] second) {
            Set<String> all = new LinkedHashSet<>(List.of(first));
            all.addAll(List.of(second));
            return all.toArray(String[]::new);
        }
    }

    /** The findings and gaps of one decision, and the stakeholder the rules are looking at. */
    private static final class Run {
        private final List<Finding> findings = new ArrayList<>();
        private final List<NotAssessed> notAssessed = new ArrayList<>();
        private Department subject;
        private Integer index;

        void subject(Department department, Integer stakeholderIndex) {
            this.subject = department;
            this.index = stakeholderIndex;
        }

        void conclude(Rule rule, Tri check) {
            if (check.holds()) {
                findings.add(new Finding(rule.id, rule.title, rule.type, rule.severity, subject, index, rule.message,
                        rule.source));
            } else if (check.unknown()) {
                notAssessed.add(new NotAssessed(rule.id, rule.title, rule.severity, subject, index, check.missing()));
            }
        }

        Outcome outcome() {
            findings.sort(FINDING_ORDER);
            notAssessed.sort(NOT_ASSESSED_ORDER);
            int blockers = 0;
            int highs = 0;
            boolean highOrMedium = false;
            for (Finding finding : findings) {
                blockers += finding.severity() == Severity.BLOCKER ? 1 : 0;
                highs += finding.severity() == Severity.HIGH ? 1 : 0;
                highOrMedium |= finding.severity() == Severity.HIGH || finding.severity() == Severity.MEDIUM;
            }
            boolean blockerGap = false;
            for (NotAssessed gap : notAssessed) {
                blockerGap |= gap.severity() == Severity.BLOCKER;
            }
            if (blockers > 0 || highs >= 3) {
                return new Outcome(Verdict.NOT_READY, "VERDICT-NOT-READY", findings, notAssessed);
            }
            if (blockerGap) {
                return new Outcome(Verdict.INSUFFICIENT_INFORMATION, "VERDICT-INSUFFICIENT", findings, notAssessed);
            }
            if (highOrMedium) {
                return new Outcome(Verdict.PROCEED_WITH_CONDITIONS, "VERDICT-CONDITIONS", findings, notAssessed);
            }
            return new Outcome(Verdict.READY, "VERDICT-READY", findings, notAssessed);
        }
    }

    /** The catalogue's finding rules: id, type, severity, source and guidance. */
    private enum Rule {
        FO_QUICK_WINS("MIG-FO-QUICK-WINS", FindingType.STRENGTH, Severity.INFO, "migratiestrategie: Ontwerpstrategieën",
                "First results come quickly; clients are helped better early."),
        FO_BACKOFFICE_LAG("MIG-FO-BACKOFFICE-LAG", FindingType.RISK, Severity.HIGH, "migratiestrategie: Ontwerpstrategieën",
                "Real improvement will still wait for back-office development."),
        BO_TOO_HEAVY("MIG-BO-TOO-HEAVY", FindingType.RISK, Severity.MEDIUM, "migratiestrategie: Ontwerpstrategieën",
                "Back-office work grows heavy; better service arrives too late: plan visible interim results."),
        RADICAL_SHORT_LEADTIME("MIG-RADICAL-SHORT-LEADTIME", FindingType.RISK, Severity.HIGH,
                "migratiestrategie: Ontwerpstrategieën", "A radical redesign does not fit a short lead time or thin resources."),
        ALL_CHANNELS_LOW_SUPPORT("MIG-ALL-CHANNELS-LOW-SUPPORT", FindingType.RISK, Severity.HIGH,
                "migratiestrategie: Ontwerpstrategieën", "Changing every channel together needs broad support."),
        CHOICE_FACTORS("MIG-CHOICE-FACTORS", FindingType.RECOMMENDATION, Severity.LOW,
                "migratiestrategie: Ontwerpstrategieën", "The choice rests on lead time, resources and support: state all three."),
        NO_CHANGE_STRATEGY("MIG-NO-CHANGE-STRATEGY", FindingType.RISK, Severity.HIGH, "migratiestrategie: Tips",
                "How the change is run matters more than what is designed."),
        PROJECT_WEAK_SUPPORT("MIG-PROJECT-WEAK-SUPPORT", FindingType.RISK, Severity.HIGH,
                "migratiestrategie: Veranderstrategieën", "A project-run migration risks results the organisation does not carry."),
        PROJECT_MILESTONES("MIG-PROJECT-MILESTONES", FindingType.RECOMMENDATION, Severity.MEDIUM,
                "migratiestrategie: Veranderstrategieën", "A project needs milestone markers and celebrated successes."),
        PROCESS_SLOWER("MIG-PROCESS-SLOWER", FindingType.NOTE, Severity.INFO, "migratiestrategie: Veranderstrategieën",
                "More consensus and support, but the result may drift from the design and take longer."),
        PROCESS_TIGHT_DEADLINE("MIG-PROCESS-TIGHT-DEADLINE", FindingType.RISK, Severity.MEDIUM,
                "migratiestrategie: Veranderstrategieën", "A consensus-driven process rarely fits a tight deadline."),
        BIG_BANG_LOW_SUPPORT("MIG-BIG-BANG-LOW-SUPPORT", FindingType.RISK, Severity.HIGH,
                "migratiestrategie: Veranderstrategieën", "A big bang leaves no room to win support along the way."),
        EXTREMES("MIG-EXTREMES", FindingType.RECOMMENDATION, Severity.MEDIUM, "migratiestrategie: Tips",
                "Pure extremes are rare and risky; choose a middle way."),
        TOP_DOWN_ONLY("MIG-TOP-DOWN-ONLY", FindingType.RISK, Severity.MEDIUM, "migratiestrategie: Veranderstrategieën",
                "A mandate without involvement breeds compliance, not ownership."),
        OWNER_UNCLEAR("MIG-OWNER-UNCLEAR", FindingType.RECOMMENDATION, Severity.LOW,
                "migratiestrategie: Veranderstrategieën", "Decide explicitly where responsibility for the migration lies."),
        NO_VISION("MIG-NO-VISION", FindingType.SUCCESS_FACTOR_MISSING, Severity.BLOCKER, "migratiestrategie: Tips",
                "There must be a consistent vision; the route is secondary."),
        NO_LEADERSHIP("MIG-NO-LEADERSHIP", FindingType.SUCCESS_FACTOR_MISSING, Severity.HIGH, "migratiestrategie: Tips",
                "Leadership is a key success factor."),
        NO_SPONSOR("MIG-NO-SPONSOR", FindingType.SUCCESS_FACTOR_MISSING, Severity.HIGH, "migratiestrategie: Tips",
                "Sponsorship by management is a key success factor."),
        NO_ADMIN_CHAMPION("MIG-NO-ADMIN-CHAMPION", FindingType.SUCCESS_FACTOR_MISSING, Severity.MEDIUM,
                "migratiestrategie: Tips", "Municipalities need an administrative driver."),
        CHANNELS_IMMATURE("MIG-CHANNELS-IMMATURE", FindingType.PRECONDITION_UNMET, Severity.BLOCKER,
                "migratiestrategie: Tips", "Well-developed channels are a precondition."),
        BACKOFFICE_NOT_IN_ORDER("MIG-BACKOFFICE-NOT-IN-ORDER", FindingType.PRECONDITION_UNMET, Severity.BLOCKER,
                "migratiestrategie: Tips", "A back office in order, above all its data, is a precondition."),
        NO_SERVICE_GAIN("MIG-NO-SERVICE-GAIN", FindingType.PRECONDITION_UNMET, Severity.HIGH, "migratiestrategie: Tips",
                "The change must enable better service."),
        NO_EFFICIENCY_GAIN("MIG-NO-EFFICIENCY-GAIN", FindingType.PRECONDITION_UNMET, Severity.HIGH,
                "migratiestrategie: Tips", "The change must also pay off internally."),
        STAKEHOLDER_NOT_INVOLVED("SUP-STAKEHOLDER-NOT-INVOLVED", FindingType.RISK, Severity.HIGH,
                "draagvlak: De hele organisatie moet mee", "Every affected department must come along."),
        ONLY_INFORMED("SUP-ONLY-INFORMED", FindingType.RISK, Severity.MEDIUM, "draagvlak: Eerste stap: het bedrijf in",
                "Presenting a plan is not involvement; invite co-development of method, rollout and embedding."),
        CONSULTED_ONLY("SUP-CONSULTED-ONLY", FindingType.RECOMMENDATION, Severity.LOW,
                "draagvlak: Eerste stap: het bedrijf in", "Being asked is not yet helping to build: invite co-development."),
        BUSINESS_CASE_ONLY("SUP-BUSINESS-CASE-ONLY", FindingType.RISK, Severity.HIGH,
                "draagvlak: De hele organisatie moet mee", "A strong business case does not carry the organisation by itself."),
        NO_MANAGER_TOUR("SUP-NO-MANAGER-TOUR", FindingType.RECOMMENDATION, Severity.HIGH,
                "draagvlak: Eerste stap: het bedrijf in", "First go round the business managers to find where resistance sits."),
        RESIST_UNFAMILIAR("SUP-RESIST-UNFAMILIAR", FindingType.RECOMMENDATION, Severity.MEDIUM,
                "draagvlak: Eerste stap: het bedrijf in", "Introduce the technique."),
        RESIST_NOT_UNDERSTOOD("SUP-RESIST-NOT-UNDERSTOOD", FindingType.RECOMMENDATION, Severity.MEDIUM,
                "draagvlak: Eerste stap: het bedrijf in", "Explain how it works, in their terms."),
        RESIST_DISTRUST("SUP-RESIST-DISTRUST", FindingType.RECOMMENDATION, Severity.HIGH,
                "draagvlak: Eerste stap: het bedrijf in", "Let them help build the method so trust grows from inside."),
        RESIST_INPUT_DATA("SUP-RESIST-INPUT-DATA", FindingType.RECOMMENDATION, Severity.MEDIUM,
                "draagvlak: Eerste stap: het bedrijf in", "Walk through the input data together."),
        RESIST_CHANGE_AVERSE("SUP-RESIST-CHANGE-AVERSE", FindingType.RECOMMENDATION, Severity.MEDIUM,
                "draagvlak: Eerste stap: het bedrijf in", "Make it a joint improvement, not a threat."),
        RESIST_NO_NEED("SUP-RESIST-NO-NEED", FindingType.RECOMMENDATION, Severity.MEDIUM,
                "draagvlak: Eerste stap: het bedrijf in", "Show what it brings, in their own figures."),
        RESIST_NOT_INVENTED_HERE("SUP-RESIST-NOT-INVENTED-HERE", FindingType.RECOMMENDATION, Severity.MEDIUM,
                "draagvlak: Eerste stap: het bedrijf in", "Use exactly that expertise: let them build it with you."),
        NBA_MARKETING_TRUST("SUP-NBA-MARKETING-TRUST", FindingType.RISK, Severity.MEDIUM,
                "draagvlak: Een black box voor marketeers?", "Smaller, less homogeneous target groups take trust."),
        NBA_CAMPAIGN_TIME("SUP-NBA-CAMPAIGN-TIME", FindingType.NOTE, Severity.INFO,
                "draagvlak: Een black box voor marketeers?", "Marketeers win time for creating campaigns."),
        NBA_INBOUND_SKILLS("SUP-NBA-INBOUND-SKILLS", FindingType.RISK, Severity.HIGH,
                "draagvlak: Andere focus voor het callcenter", "Inbound agents need new skills and a new process."),
        NBA_OUTBOUND_LIGHT("SUP-NBA-OUTBOUND-LIGHT", FindingType.NOTE, Severity.INFO,
                "draagvlak: Andere focus voor het callcenter", "Outbound work barely changes: lists and scripts as before."),
        IT_BACKLOG("SUP-IT-BACKLOG", FindingType.RISK, Severity.HIGH, "draagvlak: Onderaan de backlog van IT",
                "A plain request lands at the bottom of IT's backlog."),
        IT_MANDATE("SUP-IT-MANDATE", FindingType.RISK, Severity.MEDIUM, "draagvlak: Onderaan de backlog van IT",
                "An order from above moves things but not hearts."),
        IT_NOT_ENGAGED("SUP-IT-NOT-ENGAGED", FindingType.RISK, Severity.HIGH, "draagvlak: Onderaan de backlog van IT",
                "A solution planned without IT meets it late, at the bottom of its backlog."),
        PROTOTYPE_WITHOUT_IT("SUP-PROTOTYPE-WITHOUT-IT", FindingType.RISK, Severity.BLOCKER,
                "draagvlak: Onderaan de backlog van IT", "A working prototype is often impossible without IT."),
        NBA_SET_NOT_JOINT("SUP-NBA-SET-NOT-JOINT", FindingType.RECOMMENDATION, Severity.MEDIUM,
                "draagvlak: Ieders kennis en ervaring benutten", "Define the NBA set with the marketeers."),
        DASHBOARD_NEEDS("SUP-DASHBOARD-NEEDS", FindingType.RECOMMENDATION, Severity.MEDIUM,
                "draagvlak: Ieders kennis en ervaring benutten", "Ask users what they need."),
        FEEDBACK_IGNORED("SUP-FEEDBACK-IGNORED", FindingType.RISK, Severity.HIGH,
                "draagvlak: Ieders kennis en ervaring benutten", "Asking and then ignoring does more harm than not asking."),
        SHARED_SUCCESS("SUP-SHARED-SUCCESS", FindingType.RECOMMENDATION, Severity.LOW,
                "draagvlak: Samen ontwikkelen en samen het succes vieren", "From 'their' project to 'our' project.");

        final String id;
        final String title;
        final FindingType type;
        final Severity severity;
        final String source;
        final String message;

        Rule(String id, FindingType type, Severity severity, String source, String message) {
            this.id = id;
            this.title = id;
            this.type = type;
            this.severity = severity;
            this.source = source;
            this.message = message;
        }
    }
}
