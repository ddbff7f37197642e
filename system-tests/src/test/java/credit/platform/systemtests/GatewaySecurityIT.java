package credit.platform.systemtests;

import credit.platform.client.ForbiddenException;
import credit.platform.client.IdentifierDto;
import credit.platform.client.registry.CreateSubjectRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(PlatformExtension.class)
class GatewaySecurityIT {

    @Test
    void requestWithoutTokenIsRejectedWith401(TestPlatform platform) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + "/api/v1/subjects/anything"))
                        .timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void tokenWithoutTheNeededScopeIsRejectedWith403(TestPlatform platform) {
        // airline-demo holds travel.check only; creating a subject needs registry.write
        var airline = platform.clientFor("airline-demo");
        var request = new CreateSubjectRequest("PERSON",
                List.of(new IdentifierDto("RESIDENT_ID", ResidentIds.withCheckCharacter("44030619900307456"), null)),
                "无权限", null, null);

        assertThatThrownBy(() -> airline.registry().createSubject(request))
                .isInstanceOf(ForbiddenException.class);
    }
}
