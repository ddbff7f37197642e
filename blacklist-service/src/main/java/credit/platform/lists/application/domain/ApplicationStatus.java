package credit.platform.lists.application.domain;

/** FILED → ACKNOWLEDGED (optional) → ACCEPTED or REJECTED. */
public enum ApplicationStatus {
    FILED, ACKNOWLEDGED, ACCEPTED, REJECTED;

    public boolean isOpen() {
        return this == FILED || this == ACKNOWLEDGED;
    }
}
