package credit.platform.gateway.audit.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keys the audit chain is MACed with: each entry names the key id it was chained under, the
 * newest ({@link #currentId()}) chains new entries, older ones stay to verify what they chained (a
 * rotation adds a key, never removes one). A key is a secret of at least 32 characters from the
 * deployment's secret store; a database writer without it cannot compute a valid entry.
 */
public final class ChainKeys {

    private final Map<String, SecretKeySpec> keys;
    private final String current;

    /**
     * @param secrets   key id → secret (at least 32 characters each)
     * @param currentId the id new entries are chained under
     */
    public ChainKeys(Map<String, String> secrets, String currentId) {
        if (secrets == null || secrets.isEmpty()) {
            throw new IllegalArgumentException("credit.audit.chain-keys must name at least one key");
        }
        Map<String, SecretKeySpec> parsed = new LinkedHashMap<>();
        secrets.forEach((id, secret) -> {
            if (id == null || !id.matches("[A-Za-z0-9._-]{1,40}")) {
                throw new IllegalArgumentException("an audit chain key id is 1 to 40 letters, digits, '.', '_' or '-'");
            }
            if (secret == null || secret.length() < 32) {
                throw new IllegalArgumentException("audit chain key " + id + " must have at least 32 characters");
            }
            parsed.put(id, new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        });
        if (currentId == null || !parsed.containsKey(currentId)) {
            throw new IllegalArgumentException("credit.audit.chain-key-id must name one of credit.audit.chain-keys");
        }
        this.keys = Map.copyOf(parsed);
        this.current = currentId;
    }

    /** The id new entries are chained under. */
    public String currentId() {
        return current;
    }

    public boolean knows(String keyId) {
        return keyId != null && keys.containsKey(keyId);
    }

    /** HMAC-SHA256 of {@code message} under key {@code keyId}, hex; the key must be known. */
    String mac(String keyId, byte[] message) {
        SecretKeySpec key = keys.get(keyId);
        if (key == null) {
            throw new IllegalArgumentException("unknown audit chain key " + keyId);
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(message));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
