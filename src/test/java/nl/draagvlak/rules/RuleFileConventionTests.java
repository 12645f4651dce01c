package nl.draagvlak.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.regex.Pattern;
import nl.draagvlak.engine.RuleFile;
import nl.draagvlak.engine.RuleFolder;
import org.junit.jupiter.api.Test;

/** Rule files stay business-editable and side-effect free: a test, not a wiki page, says so. */
class RuleFileConventionTests {

    private static final Pattern FORBIDDEN = Pattern.compile(
            "System\\.|java\\.io|java\\.nio|java\\.net|Thread|Runtime|\\bstatic\\b|Files\\.|Class\\.forName");

    @Test
    void ruleFilesDoNoIoAndHoldNoStaticState() {
        for (RuleFile file : RuleFolder.read(Path.of("rules")).stream().filter(RuleFile::isDrl).toList()) {
            String[] lines = file.text().split("\n");
            for (int i = 0; i < lines.length; i++) {
                String code = lines[i].replaceAll("//.*", "").replaceAll("\"[^\"]*\"", "\"\"");
                assertThat(FORBIDDEN.matcher(code).find()).as(file.path() + ":" + (i + 1) + " " + lines[i]).isFalse();
            }
        }
    }

    @Test
    void everyRuleFileDeclaresItsPackageAfterItsFolder() {
        for (RuleFile file : RuleFolder.read(Path.of("rules")).stream().filter(RuleFile::isDrl).toList()) {
            String folder = file.path().substring(0, file.path().lastIndexOf('/')).replace('/', '.');
            assertThat(file.text()).as(file.path()).contains("package " + folder + ";");
        }
    }
}
