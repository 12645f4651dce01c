package nl.draagvlak.ruleset;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.draagvlak.engine.RuleFile;

/**
 * A rule file read as text, line by line, for the lint: its imports and its rules, each with its
 * metadata text, its conditions and its consequence. Comments are blanked out and, in code, so
 * are string literals, keeping every line and column where it was; a rule's texts keep their strings.
 */
final class DrlText {

    private static final Pattern IMPORT = Pattern.compile("^\\s*import\\s+(.+?)\\s*;?\\s*$");
    private static final Pattern RULE = Pattern.compile("^\\s*rule\\s+\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern WHEN = Pattern.compile("^\\s*when\\b");
    private static final Pattern THEN = Pattern.compile("^\\s*then\\b");
    private static final Pattern END = Pattern.compile("^\\s*end\\s*$");

    record Line(int number, String code, String text) {
    }

    record Import(int line, String name) {
    }

    /** One rule: its name and line, metadata lines, condition lines and consequence lines. */
    record Rule(String name, int line, List<Line> metadata, List<Line> conditions, List<Line> consequence) {
    }

    final String path;
    final List<Import> imports = new ArrayList<>();
    final List<Rule> rules = new ArrayList<>();

    private DrlText(String path) {
        this.path = path;
    }

    static DrlText of(RuleFile file) {
        DrlText drl = new DrlText(file.path());
        String[] raw = file.text().split("\n", -1);
        String[] withStrings = blankComments(raw, false);
        String[] code = blankComments(raw, true);
        Rule current = null;
        List<Line> section = null;
        for (int i = 0; i < raw.length; i++) {
            Line line = new Line(i + 1, code[i], withStrings[i]);
            Matcher rule = RULE.matcher(withStrings[i]);
            if (current == null) {
                Matcher imported = IMPORT.matcher(code[i]);
                if (imported.matches()) {
                    drl.imports.add(new Import(i + 1, imported.group(1).strip()));
                } else if (rule.find()) {
                    current = new Rule(rule.group(1), i + 1, new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
                    section = current.metadata();
                }
            } else if (END.matcher(code[i]).find()) {
                drl.rules.add(current);
                current = null;
            } else if (WHEN.matcher(code[i]).find()) {
                section = current.conditions();
            } else if (THEN.matcher(code[i]).find()) {
                section = current.consequence();
            } else {
                section.add(line);
            }
        }
        return drl;
    }

    /** Blanks comments (and, if asked, the inside of string literals) with spaces, line by line. */
    private static String[] blankComments(String[] lines, boolean strings) {
        String[] out = new String[lines.length];
        boolean inBlock = false;
        for (int n = 0; n < lines.length; n++) {
            char[] chars = lines[n].toCharArray();
            boolean inString = false;
            for (int i = 0; i < chars.length; i++) {
                if (inBlock) {
                    if (chars[i] == '*' && i + 1 < chars.length && chars[i + 1] == '/') {
                        chars[i] = ' ';
                        chars[++i] = ' ';
                        inBlock = false;
                    } else {
                        chars[i] = ' ';
                    }
                } else if (inString) {
                    if (chars[i] == '\\' && i + 1 < chars.length) {
                        if (strings) {
                            chars[i] = ' ';
                            chars[i + 1] = ' ';
                        }
                        i++;
                    } else if (chars[i] == '"') {
                        inString = false;
                    } else if (strings) {
                        chars[i] = ' ';
                    }
                } else if (chars[i] == '"') {
                    inString = true;
                } else if (chars[i] == '/' && i + 1 < chars.length && chars[i + 1] == '/') {
                    for (int j = i; j < chars.length; j++) {
                        chars[j] = ' ';
                    }
                    break;
                } else if (chars[i] == '/' && i + 1 < chars.length && chars[i + 1] == '*') {
                    chars[i] = ' ';
                    chars[++i] = ' ';
                    inBlock = true;
                }
            }
            out[n] = new String(chars);
        }
        return out;
    }
}
