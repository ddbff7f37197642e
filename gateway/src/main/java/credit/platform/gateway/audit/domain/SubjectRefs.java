package credit.platform.gateway.audit.domain;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import credit.platform.gateway.request.CanonicalIdentifiers;
import credit.platform.gateway.request.SubjectRef;

/**
 * How the audit names whose data was touched, without storing an ID number: a subject id as
 * {@code subject:<id>}, a record id as {@code record:<id>}, an identifier as
 * {@code id:<SCHEME>:<fingerprint>} — an HMAC-SHA256 (first 128 bits) of the identifier's canonical
 * key from the identifier kernel. Every spelling of the same identifier has the same key, so the same
 * fingerprint, and the person finds the entry; the fingerprint does not reveal the number without
 * the key.
 */
public final class SubjectRefs {

    /** At most this many references are kept per entry (a page of records names at most this many). */
    public static final int MAX_REFS = 1_000;

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

    public static String record(String recordId) {
        return "record:" + recordId;
    }

    /** The stored reference of {@code ref}. */
    public String reference(SubjectRef ref) {
        return switch (ref) {
            case SubjectRef.SubjectId s -> subject(s.id());
            case SubjectRef.RecordId r -> record(r.id());
            case SubjectRef.IdentifierKey i -> "id:" + i.scheme() + ":" + fingerprint(i.key());
        };
    }

    /**
     * The stored reference of an identifier in any spelling ({@code id:<SCHEME>:<fingerprint>} of its
     * canonical key); {@code id:UNREADABLE} when it names no scheme or has no value.
     */
    public String identifier(String scheme, String value, String country, LocalDate today) {
        return CanonicalIdentifiers.key(scheme, value, country, today).map(this::reference).orElse("id:UNREADABLE");
    }

    /** The stored references of {@code refs}, in order, without repeats, at most {@link #MAX_REFS}. */
    public List<String> references(Collection<? extends SubjectRef> refs) {
        Set<String> out = new LinkedHashSet<>();
        for (SubjectRef ref : refs) {
            if (out.size() >= MAX_REFS) {
                break;
            }
            out.add(reference(ref));
        }
        return new ArrayList<>(out);
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
