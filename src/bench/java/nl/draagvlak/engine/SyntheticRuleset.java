package nl.draagvlak.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A ruleset {@code copies} times the catalogue's size, written to a temporary folder: the rule files
 * themselves plus {@code copies - 1} copies of each (under {@code rules/copyN/}), every copied rule
 * renamed ({@code "name [copy N]"}) with its id suffixed ({@code -CN}), and the helper conclusions
 * it derives and reads renamed too ({@code "short lead time #N"}), so that each copy joins only with
 * its own helper facts: rules of the same shapes, and work that grows with the number of rules, not
 * with its square.
 */
final class SyntheticRuleset {

    private static final Pattern RULE_HEADER = Pattern.compile("(?m)^(\\s*rule\\s+\")((?:[^\"\\\\]|\\\\.)*)(\")");
    private static final Pattern ID = Pattern.compile("@id\\(\\s*\"([^\"]*)\"\\s*\\)");
    private static final Pattern DERIVED_NAME = Pattern.compile("\"(short lead time|long lead time|next best action)\"");

    private SyntheticRuleset() {
    }

    /** The rule files for {@code copies} times the catalogue; 1 reads the catalogue as it is. */
    static List<RuleFile> files(Path rulesDir, int copies) {
        if (copies == 1) {
            return RuleFolder.read(rulesDir);
        }
        Path root;
        try {
            root = Files.createTempDirectory("draagvlak-synthetic-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Path rules = root.resolve("rules");
            List<RuleFile> originals = RuleFolder.read(rulesDir);
            for (RuleFile file : originals) {
                String relative = file.path().substring(file.path().indexOf('/') + 1);
                write(rules.resolve(relative), file.text());
                // Derived conclusions are an enum of the model, so copies cannot derive their own: every
                // copy decides on the one set of derived facts, which keeps the work linear in the copies.
                for (int copy = 1; copy < copies && !file.path().endsWith("/derive.drl"); copy++) {
                    write(rules.resolve("copy" + copy).resolve(relative), copyOf(file.text(), copy));
                }
            }
            return RuleFolder.read(rules);
        } finally {
            delete(root);
        }
    }

    static String copyOf(String drl, int copy) {
        String renamed = RULE_HEADER.matcher(drl).replaceAll(m ->
                Matcher.quoteReplacement(m.group(1) + m.group(2) + " [copy " + copy + "]" + m.group(3)));
        String reIded = ID.matcher(renamed).replaceAll(m -> Matcher.quoteReplacement("@id(\"" + m.group(1) + "-C" + copy + "\")"));
        return DERIVED_NAME.matcher(reIded).replaceAll(m -> Matcher.quoteReplacement("\"" + m.group(1) + " #" + copy + "\""));
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            List<Path> all = new ArrayList<>(paths.sorted(Comparator.reverseOrder()).toList());
            for (Path path : all) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
