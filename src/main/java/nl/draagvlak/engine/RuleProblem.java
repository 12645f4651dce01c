package nl.draagvlak.engine;

/** One thing wrong with a rule file, at the best position the compiler gives (0 when unknown). */
public record RuleProblem(String file, int line, int column, String message) {

    /** {@code rules/support/it.drl:12:5 message}, the form editors and terminals link to. */
    public String format() {
        StringBuilder where = new StringBuilder(file);
        if (line > 0) {
            where.append(':').append(line);
            if (column > 0) {
                where.append(':').append(column);
            }
        }
        return where + " " + message;
    }
}
