package nl.draagvlak.audit;

/** The audit store cannot commit right now; the caller gets a 503 and no decision is recorded. */
public class AuditUnavailableException extends RuntimeException {

    public AuditUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
