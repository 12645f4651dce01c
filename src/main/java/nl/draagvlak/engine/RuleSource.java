package nl.draagvlak.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Where each rule is declared in the DRL text: its name, file and line. */
record RuleSource(String name, String file, int line) {

    private static final Pattern RULE_HEADER =
            Pattern.compile("^\\s*rule\\s+(?:\"((?:[^\"\\\\]|\\\\.)*)\"|'([^']*)'|(\\S+))");

    static List<RuleSource> scan(RuleFile file) {
        List<RuleSource> found = new ArrayList<>();
        String[] lines = file.text().split("\n", -1);
        boolean inBlockComment = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (inBlockComment) {
                inBlockComment = !line.contains("*/");
                continue;
            }
            if (line.strip().startsWith("/*") && !line.contains("*/")) {
                inBlockComment = true;
                continue;
            }
            Matcher header = RULE_HEADER.matcher(line);
            if (header.find()) {
                String name = header.group(1) != null ? header.group(1)
                        : header.group(2) != null ? header.group(2) : header.group(3);
                found.add(new RuleSource(name, file.path(), i + 1));
            }
        }
        return found;
    }
}
