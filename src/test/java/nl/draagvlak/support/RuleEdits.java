package nl.draagvlak.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import nl.draagvlak.engine.RuleFolder;
import nl.draagvlak.engine.RulesetVersion;

/**
 * The edits a policy owner makes to {@code support/stakeholders.drl} of a copy of the rules, each
 * written from the file as it was copied: a good one (a message reworded: compiles, lints clean,
 * every scenario passes, and decisions answer with the new text), a broken one (does not compile),
 * one that fails scenarios, and one the lint refuses.
 */
public final class RuleEdits {

    public static final String MESSAGE = "bring it along.";
    private final Path rules;
    private final Path file;
    private final String original;

    public RuleEdits(Path rules) {
        this.rules = rules;
        this.file = rules.resolve("support/stakeholders.drl");
        try {
            this.original = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The message of SUP-STAKEHOLDER-NOT-INVOLVED reworded, differently for each n. */
    public String good(int n) {
        return write(original.replace(MESSAGE, "bring it along (edit " + n + ")."));
    }

    /** A condition left open: does not compile. */
    public String broken() {
        return write(original.replaceFirst("\\$s : Stakeholder\\(\\)", "\\$s : Stakeholder("));
    }

    /** SUP-STAKEHOLDER-NOT-INVOLVED fires for INFORMED instead of NONE: the scenarios that pin it fail. */
    public String failingScenarios() {
        return write(original.replaceFirst("Involvement\\.NONE", "Involvement.INFORMED"));
    }

    /** A consequence that prints: compiles, but the lint refuses it. */
    public String lintRefuses() {
        String conclude = "assessment.conclude( kcontext, $check );";
        int first = original.indexOf(conclude) + conclude.length();
        return write(original.substring(0, first) + "\n    System.out.println( \"fired\" );" + original.substring(first));
    }

    public String restore() {
        return write(original);
    }

    /** The text of the file as copied. */
    public String original() {
        return original;
    }

    public Path file() {
        return file;
    }

    /** The version the rules folder has now. */
    public String folderVersion() {
        return RulesetVersion.of(RuleFolder.read(rules));
    }

    private String write(String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return folderVersion();
    }
}
