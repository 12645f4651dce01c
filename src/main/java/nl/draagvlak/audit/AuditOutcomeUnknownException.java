package nl.draagvlak.audit;

/**
 * The batch holding the record was already sent when the store stopped answering: the record may
 * or may not be committed. The caller gets a 503 asking for a retry with the same idempotency key,
 * which returns the stored decision if the commit went through and decides afresh if it did not.
 */
public final class AuditOutcomeUnknownException extends AuditUnavailableException {

    public AuditOutcomeUnknownException(String message, Throwable cause) {
        super(message, cause);
    }
}
