package credit.platform.registry.permit.domain;

/** Recorded status of a permit; EXPIRED is never stored, it follows from the last valid day. */
public enum PermitStatus {
    VALID, SUSPENDED, REVOKED, EXPIRED
}
