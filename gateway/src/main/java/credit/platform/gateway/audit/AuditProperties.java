package credit.platform.gateway.audit;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param fingerprintKey  HMAC key for identifier fingerprints in audit entries: a secret of at least 16
 *                        characters (no default; changing it makes older fingerprints unfindable)
 * @param chainKeys       key id → secret (at least 32 characters each) the chain's entries are MACed with;
 *                        a rotation adds a key and keeps the older ones so their entries still verify
 * @param chainKeyId      the key new entries are chained under
 * @param purposeRequired whether reads of person data need {@code X-Purpose} (true; false only for
 *                        a transition period, recorded as purpose {@code UNSTATED})
 * @param accessLogLimit  most entries {@code GET /api/v1/me/access-log} returns
 * @param anchorInterval  how often the chain head is logged when it moved (logger
 *                        {@code credit.audit.anchor}; keep those lines in write-once storage and pass
 *                        them to {@code /api/v1/audit/verify?anchors=}); 0 = never
 * @param queueCapacity   most entries waiting to be written in this gateway; more are refused at once (503)
 * @param queueWait       longest an entry waits to be written; then it is dropped and refused (503)
 * @param storeTimeout    longest one write may take before the entry is read back to learn whether it landed
 */
@ConfigurationProperties("credit.audit")
public record AuditProperties(
        String fingerprintKey,
        Map<String, String> chainKeys,
        String chainKeyId,
        @DefaultValue("true") boolean purposeRequired,
        @DefaultValue("200") int accessLogLimit,
        @DefaultValue("1m") Duration anchorInterval,
        @DefaultValue("10000") int queueCapacity,
        @DefaultValue("3s") Duration queueWait,
        @DefaultValue("3s") Duration storeTimeout) {
}
