package nl.draagvlak.audit;

import nl.draagvlak.support.TestDatabases;

class PostgresRulesetArchiveTests extends RulesetArchiveContract {

    @Override
    String jdbcUrl() {
        return TestDatabases.postgresUrl();
    }
}
