package nl.draagvlak.audit;

/**
 * The audit store rejected work for a reason no retry fixes (bad SQL, a broken schema, a bug):
 * the caller gets a 500 and no decision, and the details go to the log.
 */
public final class AuditStoreFailureException extends RuntimeException {

    public AuditStoreFailureException(String message, Throwable cause) {
        super(message, cause);
    }
}
