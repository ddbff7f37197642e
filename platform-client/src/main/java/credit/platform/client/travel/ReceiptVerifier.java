package credit.platform.client.travel;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks travel-decision receipts <b>offline</b>: with the sanctions service's published keys (a JWK
 * set, {@code GET /api/v1/travel-checks/receipt-keys}) and nothing else — no call per receipt, and
 * nothing about the receipt leaves the caller. Gives the same answer as
 * {@link TravelApi#verifyReceipt} ({@code valid}, and the receipt's claims with the envelope's
 * {@code receipt: {jti, iat, exp, merkleRoot, count, index}}; {@code exp} when the envelope has one), plus why a receipt is not valid.
 *
 * <p>Accepts both forms of {@link TravelDecision}: the self-contained
 * {@code <JWS>~<decision>~<index>:<count>[:<sibling>…]} (and a first-version plain JWS), and the
 * compact form of a batch answer ({@link ReceiptVerification.Request#compact}). The JWS must be
 * ES256 under a published key id; a {@code merkle-sha256} envelope's root must be reached from
 * SHA-256(0x00‖decision) through the siblings (node = SHA-256(0x01‖left‖right), an odd last node
 * moves up); an envelope with an {@code exp} in the past is expired.
 *
 * <p>Keys: made by {@code PlatformClient.receiptVerifier()} the keys are fetched from the platform
 * on first use and kept for {@link #KEYS_TTL}; a receipt signed by a key id not in the cached set
 * (the service rotated its key) refetches once, at most once per {@link #REFETCH_AT_MOST_EVERY}.
 * {@link #withKeys} verifies against a saved JWK set without any network at all. Thread-safe.
 */
public final class ReceiptVerifier {

    /** How long fetched keys are used before they are fetched again. */
    public static final Duration KEYS_TTL = Duration.ofHours(1);
    /** Unknown key ids refetch the key set at most this often (a forged kid cannot make us hammer the platform). */
    public static final Duration REFETCH_AT_MOST_EVERY = Duration.ofMinutes(1);

    static final String ENVELOPE_TYPE = "merkle-sha256";
    private static final int HASH = 32;
    private static final Base64.Decoder B64 = Base64.getUrlDecoder();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final Supplier<Map<String, Object>> keySource;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();
    private volatile Keys keys;

    private record Keys(Map<String, PublicKey> byId, Map<String, Object> jwks, Instant fetchedAt) {
    }

    private ReceiptVerifier(Supplier<Map<String, Object>> keySource, Clock clock) {
        this.keySource = keySource;
        this.clock = clock;
    }

    /** Keys fetched (and refetched) from {@code keySource}, e.g. {@code travelApi::receiptKeys}. */
    public static ReceiptVerifier fetchingKeys(Supplier<Map<String, Object>> keySource, Clock clock) {
        return new ReceiptVerifier(Objects.requireNonNull(keySource, "keySource"), Objects.requireNonNull(clock, "clock"));
    }

    /** Against this JWK set only ({@code {"keys":[…]}}, as the platform publishes it): fully offline. */
    public static ReceiptVerifier withKeys(Map<String, Object> jwkSet) {
        Map<String, Object> fixed = Map.copyOf(jwkSet);
        return new ReceiptVerifier(() -> fixed, Clock.systemUTC());
    }

    /** As {@link #withKeys(Map)}, from the JSON text of a JWK set. */
    public static ReceiptVerifier withKeys(String jwkSetJson) {
        try {
            return withKeys(JsonMapper.builder().build().readValue(jwkSetJson, MAP));
        } catch (JacksonException e) {
            throw new IllegalArgumentException("not a JWK set: " + e.getOriginalMessage(), e);
        }
    }

    /** The JWK set in use (fetched if none yet), e.g. to save it for later offline use. */
    public Map<String, Object> keySet() {
        return current(false).jwks();
    }

    /** A receipt as a {@link TravelDecision} carries it: self-contained, or a first-version plain JWS. */
    public ReceiptVerification verify(String receipt) {
        if (receipt == null || receipt.isBlank()) {
            return invalid("no receipt");
        }
        String r = receipt.strip();
        if (r.indexOf('~') < 0) {
            return verifyPlainJws(r);
        }
        String[] parts = r.split("~", -1);
        if (parts.length != 3) {
            return invalid("not a receipt: expected <JWS>~<decision>~<index>:<count>[:<sibling>…]");
        }
        String[] path = parts[2].split(":", -1);
        try {
            if (path.length < 2) {
                return invalid("not a receipt: the proof has no index and count");
            }
            List<byte[]> proof = new ArrayList<>();
            for (int i = 2; i < path.length; i++) {
                proof.add(B64.decode(path[i]));
            }
            return verifyTree(parts[0], B64.decode(parts[1]), Integer.parseInt(path[0]), Integer.parseInt(path[1]), proof);
        } catch (IllegalArgumentException e) {
            return invalid("not a receipt: unreadable index, count or hash");
        }
    }

    /** Either form of the request the online route takes (a receipt, or the compact form of a batch answer). */
    public ReceiptVerification verify(ReceiptVerification.Request request) {
        if (request.receipt() != null) {
            return verify(request.receipt());
        }
        if (request.envelope() == null || request.decision() == null || request.index() == null || request.proof() == null) {
            return invalid("a compact receipt needs envelope, decision, index and proof");
        }
        try {
            byte[] siblings = B64.decode(request.proof());
            if (siblings.length % HASH != 0) {
                return invalid("the proof is not a whole number of 32-byte hashes");
            }
            List<byte[]> proof = new ArrayList<>();
            for (int at = 0; at < siblings.length; at += HASH) {
                proof.add(java.util.Arrays.copyOfRange(siblings, at, at + HASH));
            }
            return verifyTree(request.envelope(), B64.decode(request.decision()), request.index(), -1, proof);
        } catch (IllegalArgumentException e) {
            return invalid("not base64url: decision or proof");
        }
    }

    /** One answer of a batch, in whichever form it came ({@code batchEnvelope}: the batch's {@link TravelDecisions#receipt()}). */
    public ReceiptVerification verify(TravelDecision decision, String batchEnvelope) {
        return verify(decision.verificationRequest(batchEnvelope));
    }

    private ReceiptVerification verifyPlainJws(String jws) {
        Signed signed = signed(jws);
        if (signed.failure() != null) {
            return invalid(signed.failure());
        }
        String expired = expired(signed.claims());
        return expired != null ? invalid(expired) : new ReceiptVerification(true, signed.claims());
    }

    /** {@code count} −1: the compact form, where the envelope's signed count applies. */
    private ReceiptVerification verifyTree(String envelope, byte[] decision, int index, int count, List<byte[]> proof) {
        Signed signed = signed(envelope);
        if (signed.failure() != null) {
            return invalid(signed.failure());
        }
        Map<String, Object> env = signed.claims();
        if (!ENVELOPE_TYPE.equals(env.get("typ")) || !(env.get("merkleRoot") instanceof String root)
                || !(env.get("count") instanceof Number signedCount)) {
            return invalid("the signed part is not a " + ENVELOPE_TYPE + " envelope");
        }
        if (count != -1 && count != signedCount.longValue()) {
            return invalid("the receipt's count " + count + " is not the signed count " + signedCount);
        }
        if (signedCount.longValue() > Integer.MAX_VALUE) {
            return invalid("the signed count is out of range");
        }
        byte[] computed = rootFrom(leafHash(decision), index, signedCount.intValue(), proof);
        byte[] signedRoot;
        try {
            signedRoot = B64.decode(root);
        } catch (IllegalArgumentException e) {
            return invalid("the signed root is not base64url");
        }
        if (computed.length == 0 || !MessageDigest.isEqual(computed, signedRoot)) {
            return invalid("the decision and its proof do not lead to the signed root (altered decision, index or proof)");
        }
        String expired = expired(env);
        if (expired != null) {
            return invalid(expired);
        }
        Map<String, Object> claims;
        try {
            claims = new LinkedHashMap<>(json.readValue(decision, MAP));
        } catch (JacksonException e) {
            return invalid("the decision is not JSON");
        }
        Map<String, Object> signedBy = new LinkedHashMap<>();
        signedBy.put("jti", env.get("jti"));
        signedBy.put("iat", env.get("iat"));
        if (env.get("exp") != null) {
            signedBy.put("exp", env.get("exp"));
        }
        signedBy.put("merkleRoot", root);
        signedBy.put("count", signedCount);
        signedBy.put("index", index);
        claims.put("receipt", signedBy);
        return new ReceiptVerification(true, claims);
    }

    private String expired(Map<String, Object> claims) {
        if (claims.get("exp") instanceof Number exp && !clock.instant().isBefore(Instant.ofEpochSecond(exp.longValue()))) {
            return "expired at " + Instant.ofEpochSecond(exp.longValue());
        }
        return null;
    }

    private record Signed(Map<String, Object> claims, String failure) {
    }

    private Signed signed(String jws) {
        String[] parts = jws.split("\\.", -1);
        if (parts.length != 3) {
            return new Signed(null, "not a compact JWS");
        }
        Map<String, Object> header;
        Map<String, Object> payload;
        byte[] signature;
        try {
            header = json.readValue(B64.decode(parts[0]), MAP);
            payload = json.readValue(B64.decode(parts[1]), MAP);
            signature = B64.decode(parts[2]);
        } catch (IllegalArgumentException | JacksonException e) {
            return new Signed(null, "not a compact JWS: unreadable header, payload or signature");
        }
        if (!"ES256".equals(header.get("alg"))) {
            return new Signed(null, "not signed with ES256 (alg " + header.get("alg") + ")");
        }
        if (!(header.get("kid") instanceof String kid)) {
            return new Signed(null, "the JWS names no key (kid)");
        }
        PublicKey key = current(false).byId().get(kid);
        if (key == null) {
            key = current(true).byId().get(kid);
        }
        if (key == null) {
            return new Signed(null, "signed by key " + kid + ", which the platform does not publish");
        }
        try {
            Signature verifier = Signature.getInstance("SHA256withECDSAinP1363Format");
            verifier.initVerify(key);
            verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (signature.length != 64 || !verifier.verify(signature)) {
                return new Signed(null, "the signature does not verify with key " + kid);
            }
        } catch (GeneralSecurityException e) {
            return new Signed(null, "the signature does not verify with key " + kid);
        }
        return new Signed(payload, null);
    }

    /** The cached keys; fetched when there are none or they are older than the TTL, or when {@code unknownKid} allows a refetch. */
    private Keys current(boolean unknownKid) {
        Keys k = keys;
        Instant now = clock.instant();
        boolean stale = k == null || !now.isBefore(k.fetchedAt().plus(KEYS_TTL));
        boolean refetch = unknownKid && k != null && !now.isBefore(k.fetchedAt().plus(REFETCH_AT_MOST_EVERY));
        if (!stale && !refetch) {
            return k;
        }
        synchronized (this) {
            k = keys;
            stale = k == null || !now.isBefore(k.fetchedAt().plus(KEYS_TTL));
            refetch = unknownKid && k != null && !now.isBefore(k.fetchedAt().plus(REFETCH_AT_MOST_EVERY));
            if (stale || refetch) {
                Map<String, Object> jwks = keySource.get();
                k = new Keys(parse(jwks), jwks, now);
                keys = k;
            }
            return k;
        }
    }

    static Map<String, PublicKey> parse(Map<String, Object> jwks) {
        Map<String, PublicKey> out = new LinkedHashMap<>();
        if (!(jwks.get("keys") instanceof List<?> list)) {
            throw new IllegalArgumentException("not a JWK set: no \"keys\" array");
        }
        for (Object item : list) {
            if (item instanceof Map<?, ?> jwk && "EC".equals(jwk.get("kty")) && "P-256".equals(jwk.get("crv"))
                    && jwk.get("kid") instanceof String kid && jwk.get("x") instanceof String x
                    && jwk.get("y") instanceof String y) {
                out.put(kid, p256(B64.decode(x), B64.decode(y)));
            }
        }
        return Map.copyOf(out);
    }

    private static PublicKey p256(byte[] x, byte[] y) {
        try {
            AlgorithmParameters params = AlgorithmParameters.getInstance("EC");
            params.init(new ECGenParameterSpec("secp256r1"));
            ECParameterSpec spec = params.getParameterSpec(ECParameterSpec.class);
            return KeyFactory.getInstance("EC").generatePublic(
                    new ECPublicKeySpec(new ECPoint(new BigInteger(1, x), new BigInteger(1, y)), spec));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not a P-256 public key", e);
        }
    }

    static byte[] leafHash(byte[] decision) {
        MessageDigest md = sha256();
        md.update((byte) 0);
        return md.digest(decision);
    }

    /** The root reached from a leaf through the proof; empty when the proof does not fit index and count. */
    static byte[] rootFrom(byte[] leaf, int index, int count, List<byte[]> proof) {
        if (count < 1 || index < 0 || index >= count) {
            return new byte[0];
        }
        byte[] h = leaf;
        int i = index;
        int width = count;
        int used = 0;
        MessageDigest md = sha256();
        while (width > 1) {
            boolean right = (i & 1) == 1;
            if (right || i + 1 < width) {
                if (used >= proof.size() || proof.get(used).length != HASH) {
                    return new byte[0];
                }
                byte[] sibling = proof.get(used++);
                md.update((byte) 1);
                md.update(right ? sibling : h);
                h = md.digest(right ? h : sibling);
            }
            i /= 2;
            width = (width + 1) / 2;
        }
        return used == proof.size() ? h : new byte[0];
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ReceiptVerification invalid(String reason) {
        return new ReceiptVerification(false, null, reason);
    }
}
