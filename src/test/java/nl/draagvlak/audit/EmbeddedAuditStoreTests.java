package nl.draagvlak.audit;

import nl.draagvlak.support.TestDatabases;

class EmbeddedAuditStoreTests extends AuditStoreContract {

    @Override
    String jdbcUrl() {
        return TestDatabases.h2Url();
    }
}
