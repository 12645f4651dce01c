package nl.draagvlak.engine;

import java.util.List;

/** Where each rule is declared, as Drools' own parser reads the file: its name, file and line. */
record RuleSource(String name, String file, int line) {

    static List<RuleSource> scan(RuleFile file) {
        return DrlOutline.of(file).rules().stream()
                .map(rule -> new RuleSource(rule.name(), file.path(), rule.line()))
                .toList();
    }
}
