package nl.draagvlak.engine;

import java.nio.charset.StandardCharsets;

/**
 * One DRL file of a ruleset: its path relative to the rules folder's parent, with forward
 * slashes (e.g. {@code rules/support/it.drl}, the way a policy owner names it), and its bytes.
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

    public String text() {
        return new String(content, StandardCharsets.UTF_8);
    }
}
