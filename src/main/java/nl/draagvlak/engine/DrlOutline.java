package nl.draagvlak.engine;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;
import org.drools.drl.parser.ParserError;

/**
 * A rule file as Drools' own DRL parser reads it (the parser the compiler uses): its package,
 * the line span of each rule, and the position of each syntax error. Comments, strings and
 * unusual rule names are the parser's business, not a pattern's.
 */
final class DrlOutline {

    /** A rule as declared: its name as Drools knows it, and its first and last line (1-based). */
    record Declared(String name, int line, int endLine) {
    }

    private final String packageName;
    private final List<Declared> rules;
    private final List<ParserError> errors;

    private DrlOutline(String packageName, List<Declared> rules, List<ParserError> errors) {
        this.packageName = packageName;
        this.rules = rules;
        this.errors = errors;
    }

    static DrlOutline of(RuleFile file) {
        DrlParser parser = new DrlParser();
        PackageDescr descr;
        try {
            descr = parser.parse(false, file.text());
        } catch (DroolsParserException e) {
            descr = null;
        }
        List<ParserError> errors = parser.getErrors().stream()
                .filter(ParserError.class::isInstance).map(ParserError.class::cast).toList();
        if (descr == null) {
            return new DrlOutline(null, List.of(), errors);
        }
        List<Declared> rules = descr.getRules().stream()
                .map(rule -> new Declared(rule.getName(), rule.getLine(), Math.max(rule.getEndLine(), rule.getLine())))
                .toList();
        return new DrlOutline(descr.getName(), rules, errors);
    }

    /** The package the file declares; empty when the file does not parse. */
    Optional<String> packageName() {
        return Optional.ofNullable(packageName);
    }

    /** Its rules in the order declared; none when the file does not parse. */
    List<Declared> rules() {
        return rules;
    }

    /**
     * The 1-based column of the syntax error {@code message} at {@code line}, as the parser
     * reports it: the compiler passes on only the error's line.
     */
    OptionalInt columnOfError(int line, String message) {
        return errors.stream()
                .filter(error -> error.getRow() == line && normalised(error.getMessage()).equals(message))
                .mapToInt(error -> error.getCol() + 1)
                .findFirst();
    }

    static String normalised(String message) {
        return message == null ? "" : message.strip().replaceAll("\\s+", " ");
    }
}
