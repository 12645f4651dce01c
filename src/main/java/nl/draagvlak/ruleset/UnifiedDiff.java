package nl.draagvlak.ruleset;

import java.util.ArrayList;
import java.util.List;

/** A unified diff of two short texts (a rule each), as one hunk that shows the whole rule. */
final class UnifiedDiff {

    private UnifiedDiff() {
    }

    static String of(String oldFile, int oldStart, List<String> before, String newFile, int newStart,
                     List<String> after) {
        int[][] common = new int[before.size() + 1][after.size() + 1];
        for (int i = before.size() - 1; i >= 0; i--) {
            for (int j = after.size() - 1; j >= 0; j--) {
                common[i][j] = before.get(i).equals(after.get(j)) ? common[i + 1][j + 1] + 1
                        : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<String> lines = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < before.size() || j < after.size()) {
            if (i < before.size() && j < after.size() && before.get(i).equals(after.get(j))) {
                lines.add(" " + before.get(i++));
                j++;
            } else if (i < before.size() && (j == after.size() || common[i + 1][j] >= common[i][j + 1])) {
                lines.add("-" + before.get(i++)); // removals before additions, as diff -u writes them
            } else {
                lines.add("+" + after.get(j++));
            }
        }
        StringBuilder diff = new StringBuilder();
        diff.append("--- a/").append(oldFile).append('\n').append("+++ b/").append(newFile).append('\n');
        diff.append("@@ -").append(oldStart).append(',').append(before.size()).append(" +").append(newStart)
                .append(',').append(after.size()).append(" @@\n");
        lines.forEach(line -> diff.append(line).append('\n'));
        return diff.toString();
    }
}
