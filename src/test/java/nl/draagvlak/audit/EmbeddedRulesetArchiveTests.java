package nl.draagvlak.audit;

import nl.draagvlak.support.TestDatabases;

class EmbeddedRulesetArchiveTests extends RulesetArchiveContract {

    @Override
    String jdbcUrl() {
        return TestDatabases.h2Url();
    }
}
