package credit.platform.common.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

class SubjectClaimsTest {

    static Jwt token(Map<String, Object> claims) {
        Jwt.Builder b = Jwt.withTokenValue("t").header("alg", "none").issuedAt(Instant.EPOCH)
                .expiresAt(Instant.EPOCH.plusSeconds(60)).claim("sub", "u-1");
        claims.forEach(b::claim);
        return b.build();
    }

    /** A representative who is also a person: the route decides which of the two is asking. */
    private static final Jwt REPRESENTATIVE = token(Map.of(SubjectClaims.RESIDENT_ID, " 11010519491231002x ",
            SubjectClaims.USCC, "91350100m000100y43"));

    @Test
    void onACompanyRouteTheCallerIsTheCompanyTheRepresentativeActsFor() {
        assertThat(SubjectClaims.selfServiceCaller(REPRESENTATIVE, "/api/v1/me/company/score/history"))
                .isEqualTo(new SubjectClaims.SelfServiceCaller(true, "91350100M000100Y43"));
    }

    @Test
    void onAnyOtherSelfServiceRouteTheCallerIsThePerson() {
        assertThat(SubjectClaims.selfServiceCaller(REPRESENTATIVE, "/api/v1/me/records"))
                .isEqualTo(new SubjectClaims.SelfServiceCaller(false, "11010519491231002X"));
        // only what is below the company prefix is the company's
        assertThat(SubjectClaims.selfServiceCaller(REPRESENTATIVE, "/api/v1/me/companyish").company()).isFalse();
    }

    @Test
    void aTokenWithoutTheRoutesClaimIsAWiringErrorNeverAnotherCaller() {
        Jwt person = token(Map.of(SubjectClaims.RESIDENT_ID, "11010519491231002X"));
        assertThatThrownBy(() -> SubjectClaims.selfServiceCaller(person, "/api/v1/me/company/notices"))
                .isInstanceOf(IllegalStateException.class);
        Jwt service = token(Map.of("azp", "credit-services"));
        assertThatThrownBy(() -> SubjectClaims.selfServiceCaller(service, "/api/v1/me/notices"))
                .isInstanceOf(IllegalStateException.class);
    }
}
