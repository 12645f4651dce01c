package nl.draagvlak;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import java.util.ArrayList;
import java.util.List;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * Which package may use which, read off the code. Web packages ({@code web}, {@code decision},
 * {@code audit.web}, {@code ruleset.web}, {@code security}) use the audit store, the rulesets and the
 * engine; the audit store never uses a web package nor {@code decision}; {@code engine} and {@code model}
 * know nothing of Spring, servlets, JDBC or the service around them.
 */
class ArchitectureTests {

    private static final String[] WEB = {"nl.draagvlak.web..", "nl.draagvlak.decision..", "nl.draagvlak.audit.web..",
            "nl.draagvlak.ruleset.web..", "nl.draagvlak.security..", "nl.draagvlak.bench..", "nl.draagvlak.health..", "nl.draagvlak.cluster..", "nl.draagvlak.console..", "nl.draagvlak.advice.web.."};

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("nl.draagvlak");

    @Test
    void noAuditPackageUsesTheDecisionApi() {
        ArchRule rule = noClasses().that().resideInAPackage("nl.draagvlak.audit..")
                .should().dependOnClassesThat().resideInAPackage("nl.draagvlak.decision..");
        rule.check(MAIN);
    }

    @Test
    void theAuditStoreUsesNoWebPackage() {
        ArchRule rule = noClasses().that().resideInAPackage("nl.draagvlak.audit")
                .should().dependOnClassesThat().resideInAnyPackage(WEB)
                .orShould().dependOnClassesThat().resideInAnyPackage("org.springframework.web..",
                        "org.springframework.http..", "jakarta.servlet..");
        rule.check(MAIN);
    }

    @Test
    void engineAndModelKnowNothingOfSpringServletsJdbcOrTheServiceAroundThem() {
        ArchRule rule = noClasses().that().resideInAnyPackage("nl.draagvlak.engine..", "nl.draagvlak.model..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.servlet..",
                        "java.sql..", "javax.sql..", "nl.draagvlak.web..", "nl.draagvlak.decision..",
                        "nl.draagvlak.audit..", "nl.draagvlak.ruleset..", "nl.draagvlak.security..");
        rule.check(MAIN);
    }

    @Test
    void theSharedWebPackageUsesNoEndpointPackage() {
        ArchRule rule = noClasses().that().resideInAPackage("nl.draagvlak.web..")
                .should().dependOnClassesThat().resideInAnyPackage("nl.draagvlak.decision..",
                        "nl.draagvlak.audit.web..", "nl.draagvlak.ruleset.web..", "nl.draagvlak.security..");
        rule.check(MAIN);
    }

    /** A new package must be placed in a layer, or the layered rule below would silently ignore it. */
    @Test
    void everyPackageBelongsToALayer() {
        List<String> layered = new ArrayList<>(List.of(WEB));
        layered.addAll(List.of("nl.draagvlak", "nl.draagvlak.check..", "nl.draagvlak.audit", "nl.draagvlak.ruleset",
                "nl.draagvlak.engine..", "nl.draagvlak.model..", "nl.draagvlak.contract..", "nl.draagvlak.scenario..",
                "nl.draagvlak.view..", "nl.draagvlak.advice"));
        classes().should().resideInAnyPackage(layered.toArray(String[]::new)).check(MAIN);
    }

    @Test
    void dependenciesPointFromTheWebDownToTheEngine() {
        ArchRule layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Application").definedBy("nl.draagvlak")
                .layer("Web").definedBy(WEB)
                .layer("Commands").definedBy("nl.draagvlak.check..")
                .layer("Audit").definedBy("nl.draagvlak.audit")
                .layer("Ruleset").definedBy("nl.draagvlak.ruleset")
                .layer("Core").definedBy("nl.draagvlak.engine..", "nl.draagvlak.model..", "nl.draagvlak.contract..",
                        "nl.draagvlak.scenario..", "nl.draagvlak.view..", "nl.draagvlak.advice")
                .whereLayer("Web").mayOnlyBeAccessedByLayers("Application")
                .whereLayer("Commands").mayOnlyBeAccessedByLayers("Application")
                .whereLayer("Audit").mayOnlyBeAccessedByLayers("Web", "Commands")
                .whereLayer("Ruleset").mayOnlyBeAccessedByLayers("Application", "Web", "Commands", "Audit")
                .whereLayer("Core").mayOnlyAccessLayers("Core");
        layers.check(MAIN);
    }
}
