package credit.platform.gateway.audit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param fingerprintKey  HMAC key for identifier fingerprints in audit entries (set a real secret
 *                        outside development; changing it makes older fingerprints unfindable)
 * @param purposeRequired whether reads of person data need {@code X-Purpose} (true; false only for
 *                        a transition period, recorded as purpose {@code UNSTATED})
 * @param accessLogLimit  most entries {@code GET /api/v1/me/access-log} returns
 * @param anchorInterval  how often the chain head is logged when it moved (logger
 *                        {@code credit.audit.anchor}; keep those lines in write-once storage and pass
 *                        them to {@code /api/v1/audit/verify?anchors=}); 0 = never
 */
@ConfigurationProperties("credit.audit")
public record AuditProperties(
        @DefaultValue("dev-only-audit-fingerprint-key") String fingerprintKey,
        @DefaultValue("true") boolean purposeRequired,
        @DefaultValue("200") int accessLogLimit,
        @DefaultValue("1m") java.time.Duration anchorInterval) {
}
