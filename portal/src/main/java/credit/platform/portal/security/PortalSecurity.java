package credit.platform.portal.security;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;

/**
 * Who may open which page. Public pages: everyone. {@code /me/**}: a signed-in person (their token
 * carries {@code resident_id}); {@code /company/**}: a company's representative ({@code uscc});
 * {@code /desk/**}: an agency's officer (scope {@code desk.officer}, which the realm gives only to users
 * with role {@code officer}, with their {@code agency}). Everything else is denied. The platform checks
 * each call again with the same token: these rules decide what the portal offers, not what the API allows.
 */
@Configuration(proxyBeanMethods = false)
class PortalSecurity {

    static final String PERSON = "PERSON";
    static final String COMPANY = "COMPANY";
    static final String OFFICER = "OFFICER";

    @Bean
    SecurityFilterChain portalFilterChain(HttpSecurity http, LogoutSuccessHandler keycloakLogout,
            org.springframework.core.env.Environment environment) throws Exception {
        boolean separateManagementPort = org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType
                .get(environment) == org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType.DIFFERENT;
        http.authorizeHttpRequests(a -> {
                    if (separateManagementPort) {
                        // the actuator's own port (metrics for the scraper); matches nothing on the pages' port
                        a.requestMatchers(org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest
                                .toAnyEndpoint()).permitAll();
                    }
                    a.requestMatchers("/", "/companies", "/companies/**", "/lists", "/lists/**", "/how-it-works",
                                "/css/**", "/favicon.ico", "/error", "/livez", "/readyz")
                        .permitAll()
                        .requestMatchers("/me", "/me/**").hasAuthority(PERSON)
                        .requestMatchers("/company", "/company/**").hasAuthority(COMPANY)
                        .requestMatchers("/desk", "/desk/**").hasAuthority(OFFICER)
                        .requestMatchers("/signin").authenticated()
                        .anyRequest().denyAll();
                })
                .oauth2Login(o -> o.loginPage("/oauth2/authorization/keycloak")
                        .defaultSuccessUrl("/signin", false))
                .logout(l -> l.logoutSuccessHandler(keycloakLogout));
        return http.build();
    }

    /** Page authorities from the signed-in user's claims and the access token's scopes. */
    @Bean
    GrantedAuthoritiesMapper portalAuthorities() {
        return authorities -> {
            Set<GrantedAuthority> mapped = new HashSet<>(authorities);
            boolean desk = authorities.stream().anyMatch(a -> a.getAuthority().equals("SCOPE_desk.officer"));
            for (GrantedAuthority a : authorities) {
                if (a instanceof OidcUserAuthority oidc) {
                    var claims = oidc.getIdToken().getClaims();
                    if (present(claims.get("resident_id"))) {
                        mapped.add(new SimpleGrantedAuthority(PERSON));
                    }
                    if (present(claims.get("uscc"))) {
                        mapped.add(new SimpleGrantedAuthority(COMPANY));
                    }
                    if (desk && present(claims.get("agency"))) {
                        mapped.add(new SimpleGrantedAuthority(OFFICER));
                    }
                }
            }
            return mapped;
        };
    }

    /** Signs out of Keycloak too (RP-initiated logout with the ID token), then back to the home page. */
    @Bean
    LogoutSuccessHandler keycloakLogout(@Value("${credit.security.issuer-uri}") String issuer) {
        return (request, response, authentication) -> {
            String home = request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort() + "/";
            String url = home;
            if (authentication != null && authentication.getPrincipal() instanceof OidcUser user) {
                url = issuer + "/protocol/openid-connect/logout?id_token_hint="
                        + URLEncoder.encode(user.getIdToken().getTokenValue(), StandardCharsets.UTF_8)
                        + "&post_logout_redirect_uri=" + URLEncoder.encode(home, StandardCharsets.UTF_8);
            }
            response.sendRedirect(url);
        };
    }

    private static boolean present(Object claim) {
        return claim instanceof String s && !s.isBlank();
    }
}
