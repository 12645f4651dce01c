package nl.draagvlak.engine;

import java.nio.charset.StandardCharsets;

/**
 * One file of a ruleset (a DRL file, or the ruleset's {@code levers.yaml}): its path, with forward slashes, and its bytes. A file read from a
 * rules folder is named {@link RuleFolder#ROOT} and its path inside the folder (e.g.
 * {@code rules/support/it.drl}, the way a policy owner names it); a ruleset stored before that
 * keeps the path it was stored with (relative to the folder's parent then).
 */
public record RuleFile(String path, byte[] content) {

    public RuleFile {
        if (path.contains("\\")) {
            throw new IllegalArgumentException("rule file paths use forward slashes: " + path);
        }
        content = content.clone();
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    /** Whether this is a rule file (DRL); the ruleset's other file is {@link Levers#FILE}. */
    public boolean isDrl() {
        return path.endsWith(".drl");
    }

    public String text() {
        return new String(content, StandardCharsets.UTF_8);
    }
}
