package credit.platform.sanctions.travel.adapter.receipt;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Receipt keys and what receipts say.
 *
 * @param keyEncryptionKey a secret (at least 32 characters, from the secret store): private receipt keys
 *                         are stored only encrypted under it (AES-256-GCM, key = SHA-256 of this)
 * @param documentKey      a secret (at least 32 characters): receipts name the passenger's document by
 *                         an HMAC-SHA256 under it, never a plain hash a caller could reverse
 * @param rotateAfter      a new signing key when the newest is older than this
 * @param refreshEvery     how often a replica re-reads the keys (and rotates when due)
 * @param validFor         how long a receipt is valid ({@code exp} = issued + this)
 */
@ConfigurationProperties("credit.receipts")
public record ReceiptProperties(
        String keyEncryptionKey,
        String documentKey,
        @DefaultValue("30d") Duration rotateAfter,
        @DefaultValue("10m") Duration refreshEvery,
        @DefaultValue("1d") Duration validFor) {

    public ReceiptProperties {
        require(keyEncryptionKey, "credit.receipts.key-encryption-key");
        require(documentKey, "credit.receipts.document-key");
        if (rotateAfter.isNegative() || rotateAfter.isZero() || validFor.isNegative() || validFor.isZero()) {
            throw new IllegalArgumentException("credit.receipts.rotate-after and valid-for must be positive");
        }
    }

    private static void require(String secret, String name) {
        if (secret == null || secret.length() < 32) {
            throw new IllegalArgumentException(name + " must be set to a secret of at least 32 characters");
        }
    }
}
