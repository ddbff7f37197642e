package credit.platform.common.security;

import credit.platform.common.web.Problems;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 401 and 403 as RFC 9457 problem+json, so an SDK maps them like every other error. */
final class ProblemJsonSecurityHandlers {

    private ProblemJsonSecurityHandlers() {
    }

    static AuthenticationEntryPoint unauthenticated() {
        return (request, response, e) -> write(response, 401, "unauthenticated", "Unauthenticated",
                "A valid bearer token from the platform's identity provider is required.");
    }

    static AccessDeniedHandler forbidden() {
        return (request, response, e) -> {
            if (e instanceof org.springframework.security.authorization.AuthorizationDeniedException denied
                    && denied.getAuthorizationResult() instanceof PlatformSecurityAutoConfiguration.GatewayRequired) {
                write(response, 403, "gateway-required", "Forbidden",
                        "This service is reached through the platform's gateway only.");
                return;
            }
            write(response, 403, "forbidden", "Forbidden", "The token does not carry the scope this operation needs.");
        };
    }

    private static void write(HttpServletResponse response, int status, String name, String title, String detail)
            throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        if (status == 401) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        response.getOutputStream().write(Problems.json(status, name, title, detail).getBytes(StandardCharsets.UTF_8));
    }
}
