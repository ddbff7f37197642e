package credit.platform.gateway.audit.domain;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How the audit names whose data was touched, without storing an ID number: a subject id as
 * {@code subject:<id>}, a record id as {@code record:<id>}, an identifier as
 * {@code id:<SCHEME>:<HMAC-SHA256 fingerprint>}. The same identifier always gives the same
 * fingerprint (so the subject can find the entries), but the fingerprint does not reveal it
 * without the key.
 */
public final class SubjectRefs {

    private final byte[] key;

    public SubjectRefs(String fingerprintKey) {
        if (fingerprintKey == null || fingerprintKey.length() < 16) {
            throw new IllegalArgumentException("credit.audit.fingerprint-key must have at least 16 characters");
        }
        this.key = fingerprintKey.getBytes(StandardCharsets.UTF_8);
    }

    public static String subject(String subjectId) {
        return "subject:" + subjectId;
    }

    public String identifier(String scheme, String value) {
        String normalizedScheme = scheme.strip().toUpperCase(Locale.ROOT);
        return "id:" + normalizedScheme + ":" + fingerprint(normalizedScheme + ":" + value.strip().toUpperCase(Locale.ROOT));
    }

    /**
     * The subjects a request names in its path or query. {@code path} is the request path,
     * {@code query} its decoded query parameters (first values).
     */
    public List<String> fromRequest(String path, Map<String, String> query) {
        List<String> refs = new ArrayList<>();
        String[] parts = path.split("/");
        // ["", "api", "v1", <collection>, ...]
        if (parts.length >= 5 && parts[1].equals("api") && parts[2].equals("v1")) {
            switch (parts[3]) {
                case "subjects" -> {
                    if (!parts[4].equals("lookup") && !parts[4].equals("imports")) {
                        refs.add(subject(parts[4]));
                    }
                }
                case "scores" -> {
                    if (!parts[4].equals("models")) {
                        refs.add(subject(parts[4]));
                    }
                }
                case "lists" -> {
                    if (parts.length >= 7 && parts[5].equals("records")) {
                        refs.add("record:" + parts[6]);
                    }
                }
                default -> {
                }
            }
        }
        String subjectId = query.get("subjectId");
        if (subjectId != null && !subjectId.isBlank()) {
            refs.add(subject(subjectId.strip()));
        }
        String scheme = query.get("scheme");
        String value = query.get("value");
        if (scheme != null && value != null && !scheme.isBlank() && !value.isBlank()) {
            refs.add(identifier(scheme, value));
        }
        return refs;
    }

    private String fingerprint(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)), 0, 16);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
