package nl.draagvlak.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.KieModule;
import org.kie.api.builder.Message;
import org.kie.api.builder.model.KieModuleModel;
import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

/**
 * Compiles a set of DRL files into a {@link CompiledRuleset}, or fails with every problem found,
 * each at its file and line. A ruleset is used whole or not at all.
 */
public final class RulesetCompiler {

    /** Drools reads rule files of an in-memory project only under this folder. */
    private static final String RESOURCES = "src/main/resources/";

    private static final Logger log = LoggerFactory.getLogger(RulesetCompiler.class);

    /** An explicit kmodule.xml, so that the module's bytes can be loaded again from the cache. */
    private static final String KMODULE_XML = kmoduleXml();

    private final RuleMetadataValidator validator = new RuleMetadataValidator();
    private final CompiledRulesetCache cache;

    /** A compiler that compiles every ruleset afresh. */
    public RulesetCompiler() {
        this(null);
    }

    /** A compiler that keeps what it compiled in the cache, and loads from it what it compiled before. */
    public RulesetCompiler(CompiledRulesetCache cache) {
        this.cache = cache;
    }

    private static String kmoduleXml() {
        KieModuleModel moduleModel = KieServices.get().newKieModuleModel();
        moduleModel.newKieBaseModel("rules").setDefault(true).addPackage("*")
                .newKieSessionModel("decision").setDefault(true);
        return moduleModel.toXML();
    }

    /** How every ruleset is built (besides the rules): part of what the cache's key covers. */
    static String compilerOptions() {
        return ExecutableModelProject.class.getName() + "\n" + KMODULE_XML;
    }

    /** Whether this compiler's cache holds a compile of the version, made here before. */
    public boolean compiledBefore(String version) {
        return cache != null && cache.holds(version);
    }

    /** The version hashes every file (levers included); Drools sees only the DRL files. */
    public CompiledRuleset compile(List<RuleFile> files) {
        List<RuleFile> drl = files.stream().filter(RuleFile::isDrl).toList();
        if (drl.isEmpty()) {
            throw new RulesetCompilationException(List.of(new RuleProblem("rules", 0, 0, "no .drl files found")));
        }
        List<RuleProblem> leverProblems = new ArrayList<>();
        Levers levers = Levers.of(files, leverProblems);
        if (!leverProblems.isEmpty()) {
            throw new RulesetCompilationException(leverProblems);
        }
        String version = RulesetVersion.of(files);
        Optional<KieBase> cached = loadCached(version);
        KieBase kieBase = cached.orElseGet(() -> build(drl, version));
        List<RuleInfo> rules = describe(kieBase, drl);
        return new CompiledRuleset(version, files, rules, kieBase, levers);
    }

    private Optional<KieBase> loadCached(String version) {
        if (cache == null) {
            return Optional.empty();
        }
        return cache.load(version).flatMap(kjar -> {
            KieServices services = KieServices.get();
            try {
                KieModule module = services.getRepository().addKieModule(services.getResources().newByteArrayResource(kjar));
                try {
                    KieBase kieBase = services.newKieContainer(module.getReleaseId()).getKieBase();
                    log.info("Ruleset {} loaded from the compiled ruleset cache", version);
                    return Optional.of(kieBase);
                } finally {
                    services.getRepository().removeKieModule(module.getReleaseId());
                }
            } catch (RuntimeException e) {
                log.warn("The cached compiled ruleset {} cannot be loaded ({}); compiling it again", version,
                        e.getMessage());
                cache.forget(version);
                return Optional.empty();
            }
        });
    }

    private KieBase build(List<RuleFile> files, String version) {
        KieServices services = KieServices.get();
        KieFileSystem fileSystem = services.newKieFileSystem();
        // A release id of its own per version, so that compiling a new ruleset never replaces the
        // module a running ruleset came from.
        ReleaseId releaseId = services.newReleaseId("nl.draagvlak.rules", "ruleset",
                "1.0.0-" + version.substring("sha256:".length(), "sha256:".length() + 16));
        fileSystem.generateAndWritePomXML(releaseId);
        fileSystem.writeKModuleXML(KMODULE_XML);
        for (RuleFile file : files) {
            fileSystem.write(RESOURCES + file.path(), file.content());
        }
        KieBuilder builder;
        try {
            builder = services.newKieBuilder(fileSystem).buildAll(ExecutableModelProject.class);
        } catch (RuntimeException e) {
            // Some DRL mistakes make the executable-model generator throw instead of reporting.
            throw new RulesetCompilationException(List.of(new RuleProblem("rules", 0, 0,
                    "the rules could not be compiled: " + e.getClass().getSimpleName() + ": " + e.getMessage())));
        }
        Map<String, DrlOutline> outlines = new HashMap<>();
        List<RuleProblem> problems = builder.getResults().getMessages(Message.Level.ERROR).stream()
                .map(RulesetCompiler::toProblem)
                .map(problem -> withParserColumn(problem, files, outlines))
                .toList();
        if (!problems.isEmpty()) {
            throw new RulesetCompilationException(ProblemLocator.locate(problems, files));
        }
        try {
            KieBase kieBase = services.newKieContainer(releaseId).getKieBase();
            if (cache != null) {
                cache.store(version, ((InternalKieModule) builder.getKieModule()).getBytes());
            }
            return kieBase;
        } finally {
            services.getRepository().removeKieModule(releaseId);
        }
    }

    private List<RuleInfo> describe(KieBase kieBase, List<RuleFile> files) {
        Map<String, RuleSource> sources = new HashMap<>();
        List<RuleProblem> problems = new ArrayList<>();
        for (RuleFile file : files) {
            for (RuleSource source : RuleSource.scan(file)) {
                RuleSource earlier = sources.putIfAbsent(source.name(), source);
                if (earlier != null) {
                    problems.add(new RuleProblem(source.file(), source.line(), 0, "rule name \"" + source.name()
                            + "\" is already used at " + earlier.file() + ":" + earlier.line()));
                }
            }
        }
        List<RuleInfo> rules = new ArrayList<>();
        for (KiePackage kiePackage : kieBase.getKiePackages()) {
            for (Rule rule : kiePackage.getRules()) {
                RuleSource source = sources.getOrDefault(rule.getName(), new RuleSource(rule.getName(), "rules", 0));
                validator.describe(rule, source, problems).ifPresent(rules::add);
            }
        }
        if (rules.isEmpty() && problems.isEmpty()) {
            problems.add(new RuleProblem("rules", 0, 0, "the .drl files hold no rules"));
        }
        validator.checkUniqueIds(rules, problems);
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparing(RuleProblem::file).thenComparingInt(RuleProblem::line));
            throw new RulesetCompilationException(problems);
        }
        rules.sort(Comparator.comparing(RuleInfo::file).thenComparingInt(RuleInfo::line));
        return rules;
    }

    private static RuleProblem toProblem(Message message) {
        String path = message.getPath() == null ? "rules" : message.getPath();
        if (path.startsWith(RESOURCES)) {
            path = path.substring(RESOURCES.length());
        }
        String text = DrlOutline.normalised(message.getText());
        return new RuleProblem(path, Math.max(message.getLine(), 0), Math.max(message.getColumn(), 0), text);
    }

    /** A syntax error comes with its line only; the parser knows its column too. */
    private static RuleProblem withParserColumn(RuleProblem problem, List<RuleFile> files,
                                                Map<String, DrlOutline> outlines) {
        if (problem.line() == 0 || problem.column() > 0) {
            return problem;
        }
        return files.stream().filter(file -> file.path().equals(problem.file())).findFirst()
                .map(file -> outlines.computeIfAbsent(file.path(), path -> DrlOutline.of(file))
                        .columnOfError(problem.line(), problem.message()))
                .filter(OptionalInt::isPresent)
                .map(column -> new RuleProblem(problem.file(), problem.line(), column.getAsInt(), problem.message()))
                .orElse(problem);
    }
}
