package nl.draagvlak.audit;

import com.zaxxer.hikari.SQLExceptionOverride;
import java.sql.SQLException;

/**
 * Tells the connection pool to drop a connection once it has failed in a way that leaves it
 * dead. Hikari does this by itself only for SQLSTATE class 08; H2 answers "database closed"
 * (90098) after a failed write, e.g. on a full disk, and its connections still pass
 * {@code isValid}, so without this the pool would hand them out for ever. A fresh connection
 * reopens the database once it can be written again. Named by
 * {@code spring.datasource.hikari.exception-override-class-name}.
 */
public final class EvictDeadConnections implements SQLExceptionOverride {

    @java.lang.Override // the interface's nested enum is also named Override
    public SQLExceptionOverride.Override adjudicate(SQLException failure) {
        return StoreFailures.connectionIsDead(failure) ? SQLExceptionOverride.Override.MUST_EVICT
                : SQLExceptionOverride.Override.CONTINUE_EVICT;
    }
}
