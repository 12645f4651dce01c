package nl.draagvlak.audit;

import nl.draagvlak.support.TestDatabases;

class PostgresAuditStoreTests extends AuditStoreContract {

    @Override
    String jdbcUrl() {
        return TestDatabases.postgresUrl();
    }
}
