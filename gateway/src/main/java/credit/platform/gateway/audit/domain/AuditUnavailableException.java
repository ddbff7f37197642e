package credit.platform.gateway.audit.domain;

/**
 * An entry that was not stored: the append queue is full, the entry waited in it longer than
 * allowed (it is then dropped, never written later), or the store failed. The caller withholds the
 * answer.
 */
public class AuditUnavailableException extends RuntimeException {

    public AuditUnavailableException(String message) {
        super(message);
    }

    public AuditUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
