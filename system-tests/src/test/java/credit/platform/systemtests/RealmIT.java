package credit.platform.systemtests;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** keycloak/credit-realm.json issues the tokens the services rely on (scopes, agency, audience, issuer). */
@ExtendWith(PlatformExtension.class)
class RealmIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void courtTokenCarriesItsListScopesItsAgencyAndThePlatformAudience(TestPlatform platform) throws Exception {
        JsonNode claims = clientCredentialsClaims(platform, "court-demo");

        assertThat(scopes(claims)).contains("lists.read", "lists.write", "registry.read")
                .doesNotContain("registry.write", "travel.check", "platform.admin");
        assertThat(claims.path("agency").asString()).isEqualTo("SPC");
        assertThat(audiences(claims)).contains("credit-platform");
        assertThat(claims.path("iss").asString()).isEqualTo(platform.config().issuerUri());
        assertThat(claims.path("sub").asString()).isNotBlank();
        assertThat(claims.path("exp").asLong() - claims.path("iat").asLong()).isEqualTo(300);
    }

    @Test
    void airlineTokenCarriesTravelCheckOnlyAndNoAgency(TestPlatform platform) throws Exception {
        JsonNode claims = clientCredentialsClaims(platform, "airline-demo");

        assertThat(scopes(claims)).contains("travel.check").noneMatch(s -> s.startsWith("lists.") || s.startsWith("registry."));
        assertThat(claims.has("agency")).isFalse();
        assertThat(audiences(claims)).contains("credit-platform");
    }

    @Test
    void everyDemoClientGetsExactlyItsAgreedScopes(TestPlatform platform) throws Exception {
        assertThat(scopes(clientCredentialsClaims(platform, "platform-admin"))).containsAll(List.of(
                "registry.read", "registry.write", "lists.read", "lists.write", "scoring.read", "travel.check",
                "audit.read", "platform.admin"));
        assertThat(apiScopes(clientCredentialsClaims(platform, "registrar-demo"))).containsExactlyInAnyOrder("registry.read", "registry.write");
        assertThat(apiScopes(clientCredentialsClaims(platform, "auditor-demo"))).containsExactlyInAnyOrder("audit.read");
        assertThat(apiScopes(clientCredentialsClaims(platform, "rail-demo"))).containsExactlyInAnyOrder("travel.check");
        assertThat(apiScopes(clientCredentialsClaims(platform, "procurement-demo")))
                .containsExactlyInAnyOrder("eligibility.check");
        assertThat(apiScopes(clientCredentialsClaims(platform, "credit-services")))
                .containsExactlyInAnyOrder("registry.read", "registry.write", "lists.read", "scoring.read",
                        "platform.internal");
        // the service identity is the service client's alone: not even the operators' client holds it
        assertThat(scopes(clientCredentialsClaims(platform, "platform-admin"))).doesNotContain("platform.internal");
        assertThat(clientCredentialsClaims(platform, "samr-demo").path("agency").asString()).isEqualTo("SAMR");
        assertThat(clientCredentialsClaims(platform, "tax-demo").path("agency").asString()).isEqualTo("STA");
        for (var agency : List.of(List.of("nra-demo", "NRA"), List.of("ndrc-demo", "NDRC"), List.of("customs-demo", "GACC"))) {
            JsonNode claims = clientCredentialsClaims(platform, agency.get(0));
            assertThat(claims.path("agency").asString()).as(agency.get(0)).isEqualTo(agency.get(1));
            assertThat(apiScopes(claims)).as(agency.get(0))
                    .containsExactlyInAnyOrder("lists.read", "lists.write", "registry.read");
        }
    }

    @Test
    void demoCitizenCanSignInThroughTheWebClientWithoutRequiredActions(TestPlatform platform) throws Exception {
        HttpResponse<String> response = platform.tokenResponse("grant_type=password&client_id=credit-web"
                + "&username=citizen-demo&password=citizen-demo-password&scope=openid");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode claims = payload(JSON.readTree(response.body()).path("access_token").asString());
        assertThat(claims.path("preferred_username").asString()).isEqualTo("citizen-demo");
        // the gateway's /api/v1/me/access-log finds the citizen's entries by this claim
        assertThat(claims.path("resident_id").asString()).isEqualTo("11010519491231002X");
        assertThat(apiScopes(claims)).isEmpty();
        assertThat(audiences(claims)).contains("credit-platform");
    }

    /**
     * Brute-force detection: five wrong passwords lock the account (for 60 s, growing to 15 min), and
     * while locked even the right password gets no token. A user of its own, so no other test is locked out.
     */
    @Test
    void fiveWrongPasswordsLockTheAccountAndTheRightOneIsThenRefusedToo(TestPlatform platform) {
        String form = "grant_type=password&client_id=credit-web&username=lockout-probe-demo&scope=openid&password=";
        assertThat(platform.tokenResponse(form + "lockout-probe-demo-password").statusCode()).isEqualTo(200);
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> wrong = platform.tokenResponse(form + "wrong-password-" + i);
            assertThat(wrong.statusCode()).as(wrong.body()).isIn(400, 401);
            assertThat(wrong.body()).contains("invalid_grant");
        }
        HttpResponse<String> locked = platform.tokenResponse(form + "lockout-probe-demo-password");
        assertThat(locked.statusCode()).as(locked.body()).isIn(400, 401);
        assertThat(locked.body()).contains("invalid_grant");
    }

    private static JsonNode clientCredentialsClaims(TestPlatform platform, String clientId) throws Exception {
        return payload(platform.clientCredentialsToken(clientId));
    }

    private static JsonNode payload(String jwt) {
        return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }

    private static Set<String> scopes(JsonNode claims) {
        return Arrays.stream(claims.path("scope").asString().split(" ")).filter(s -> !s.isBlank()).collect(Collectors.toSet());
    }

    /** The platform's own scopes (those with a dot), without OIDC ones such as profile or email. */
    private static Set<String> apiScopes(JsonNode claims) {
        return scopes(claims).stream().filter(s -> s.contains(".")).collect(Collectors.toSet());
    }

    private static Set<String> audiences(JsonNode claims) {
        JsonNode aud = claims.path("aud");
        if (aud.isArray()) {
            return aud.valueStream().map(JsonNode::asString).collect(Collectors.toSet());
        }
        return Set.of(aud.asString());
    }
}
