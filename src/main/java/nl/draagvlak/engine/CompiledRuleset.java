package nl.draagvlak.engine;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.draagvlak.model.RuleMeta;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSessionsPool;

/** A ruleset that compiled without error: its files, its version, its rules, ready to decide. */
public final class CompiledRuleset {

    private final String version;
    private final List<RuleFile> files;
    private final List<RuleInfo> rules;
    private final Map<String, RuleInfo> rulesByName;
    private final Map<String, RuleMeta> metaByName;
    private final KieBase kieBase;
    private final Levers levers;
    private static final int POOLED_SESSIONS = 8;
    private volatile KieSessionsPool sessions;

    CompiledRuleset(String version, List<RuleFile> files, List<RuleInfo> rules, KieBase kieBase, Levers levers) {
        this.levers = levers;
        this.version = version;
        this.files = List.copyOf(files);
        this.rules = List.copyOf(rules);
        this.rulesByName = rules.stream().collect(Collectors.toUnmodifiableMap(RuleInfo::name, Function.identity()));
        this.metaByName = rules.stream().collect(Collectors.toUnmodifiableMap(RuleInfo::name,
                rule -> new RuleMeta(rule.id(), rule.type(), rule.severity(), rule.source(), rule.verdict(),
                        rule.message(), rule.messageNl())));
        this.kieBase = kieBase;
    }

    /** Each rule's metadata by rule name, for the consequences' {@link nl.draagvlak.model.Assessment}. */
    public Map<String, RuleMeta> metaByName() {
        return metaByName;
    }

    /** The inputs a remedy may change, and to what ({@link Levers#FILE}); none when the ruleset has no levers. */
    public Levers levers() {
        return levers;
    }

    public String version() {
        return version;
    }

    public List<RuleFile> files() {
        return files;
    }

    /** Every rule, ordered by file and then by position in its file. */
    public List<RuleInfo> rules() {
        return rules;
    }

    public RuleInfo ruleNamed(String name) {
        RuleInfo rule = rulesByName.get(name);
        if (rule == null) {
            throw new IllegalArgumentException("no rule named \"" + name + "\" in ruleset " + version);
        }
        return rule;
    }

    KieBase kieBase() {
        return kieBase;
    }

    /**
     * Sessions for deciding, reused: a disposed session is reset and handed out again, which saves
     * building its memory network for every decision. Created on first use.
     */
    KieSessionsPool sessions() {
        KieSessionsPool pool = sessions;
        if (pool == null) {
            synchronized (this) {
                if (sessions == null) {
                    sessions = kieBase.newKieSessionsPool(POOLED_SESSIONS);
                }
                pool = sessions;
            }
        }
        return pool;
    }
}
