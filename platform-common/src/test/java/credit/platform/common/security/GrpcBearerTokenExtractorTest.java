package credit.platform.common.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Attributes;
import io.grpc.Metadata;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.grpc.server.security.BearerTokenAuthenticationExtractor;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

/**
 * {@link GrpcBearerTokenExtractor} against Spring gRPC's {@link BearerTokenAuthenticationExtractor} (the
 * reference, placed after it): on every header it either gives the very token Spring's gives, or leaves
 * the header to Spring's.
 */
class GrpcBearerTokenExtractorTest {

    private static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization",
            Metadata.ASCII_STRING_MARSHALLER);

    private final GrpcBearerTokenExtractor fast = new GrpcBearerTokenExtractor();
    private final BearerTokenAuthenticationExtractor spring = new BearerTokenAuthenticationExtractor();

    private static Metadata headers(String authorization) {
        Metadata m = new Metadata();
        if (authorization != null) {
            m.put(AUTHORIZATION, authorization);
        }
        return m;
    }

    /** Spring's answer: the token, "none", or the exception it throws. */
    private String springSays(Metadata m) {
        try {
            Authentication a = spring.extract(m, Attributes.EMPTY, null);
            return a == null ? "none" : ((BearerTokenAuthenticationToken) a).getToken();
        } catch (RuntimeException e) {
            return e.getClass().getSimpleName();
        }
    }

    private void agrees(String authorization) {
        Metadata m = headers(authorization);
        Authentication mine = fast.extract(m, Attributes.EMPTY, null);
        if (mine != null) {
            assertThat(((BearerTokenAuthenticationToken) mine).getToken()).as("header [%s]", authorization)
                    .isEqualTo(springSays(m));
        }
    }

    @Test
    void thePlainBearerHeaderGivesSpringsTokenAndEverythingElseIsLeftToSpring() {
        String jwt = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhIn0.c2ln";
        for (String h : List.of("Bearer " + jwt, "bearer " + jwt, "BEARER " + jwt, "BeArEr x", "Bearer  " + jwt)) {
            Authentication mine = fast.extract(headers(h), Attributes.EMPTY, null);
            assertThat(mine).as(h).isNotNull();
            assertThat(((BearerTokenAuthenticationToken) mine).getToken()).isEqualTo(springSays(headers(h)));
        }
        for (String h : new String[] {null, "", "Bearer", "Bearer ", "Bearer    ", "Basic dXNlcjpwdw==", "Bearer\t" + jwt,
                "Bearerx " + jwt, " Bearer " + jwt, "Token " + jwt}) {
            assertThat(fast.extract(headers(h), Attributes.EMPTY, null)).as("header [%s]", h).isNull();
        }
    }

    @Test
    void onRandomHeadersItNeverDisagreesWithSpring() {
        Random random = new Random(20261206);
        String[] parts = {"Bearer", "bearer", "BEARER", "Basic", " ", "  ", "\t", "x", "eyJ", ".", "-", "_", "=", "Bearer "};
        for (int i = 0; i < 20_000; i++) {
            StringBuilder h = new StringBuilder();
            for (int n = random.nextInt(5); n >= 0; n--) {
                h.append(parts[random.nextInt(parts.length)]);
            }
            agrees(h.toString());
        }
    }
}
