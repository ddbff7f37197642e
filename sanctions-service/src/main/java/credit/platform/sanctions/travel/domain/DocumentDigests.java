package credit.platform.sanctions.travel.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How a receipt names the passenger's document: an HMAC-SHA256 (hex) of {@code scheme:country:number}
 * under this service's document key ({@code credit.receipts.document-key}, a secret). A plain hash
 * of an ID number could be reversed by trying every number (a resident ID has far fewer than 2^40
 * candidates); a keyed digest cannot be without the key. Whoever holds the document and the
 * receipt asks the service ({@code POST /api/v1/travel-checks/receipts/verify} with the document) to
 * show the receipt is about it.
 */
public final class DocumentDigests {

    /** The receipt claim holding the digest. */
    public static final String CLAIM = "documentHmac";

    private final SecretKeySpec key;
    private final ThreadLocal<Mac> macs;

    /** @param key at least 32 bytes */
    public DocumentDigests(byte[] key) {
        if (key == null || key.length < 32) {
            throw new IllegalArgumentException("the receipt document key must have at least 32 bytes");
        }
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
        this.macs = ThreadLocal.withInitial(this::newMac);
    }

    /** A key of its own, random, for tests and benchmarks that need no digest to survive a restart. */
    public static DocumentDigests random() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return new DocumentDigests(key);
    }

    public String of(TravelDocument document) {
        return of(document.scheme().name(), document.country(), document.number());
    }

    public String of(String scheme, String country, String number) {
        Mac mac = macs.get();
        return HexFormat.of().formatHex(mac.doFinal((scheme + ":" + (country == null ? "" : country) + ":" + number)
                .getBytes(StandardCharsets.UTF_8)));
    }

    /** Whether {@code digest} (from a receipt) is this document's, compared in constant time. */
    public boolean matches(String digest, TravelDocument document) {
        return digest != null && MessageDigest.isEqual(digest.getBytes(StandardCharsets.US_ASCII),
                of(document).getBytes(StandardCharsets.US_ASCII));
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
