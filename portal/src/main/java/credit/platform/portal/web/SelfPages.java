package credit.platform.portal.web;

import credit.platform.portal.api.PlatformApi;
import credit.platform.portal.api.PlatformApi.Answer;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.annotation.RegisteredOAuth2AuthorizedClient;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Self-service for a signed-in person ({@code /me}) and for a company's representative ({@code /company}):
 * their records on every list with history and the ways out, their score with each contribution and
 * what would remove it, who looked at their data, the travel checks that denied them, their applications
 * and notices; filing an objection, a credit-repair application or a deletion request. Every call is the
 * API's {@code /api/v1/me/**} (or {@code /api/v1/me/company/**}) with the user's own token: the platform
 * decides whose data it is from the token, so another person's record is simply "not found" here.
 */
@Controller
class SelfPages {

    private final PlatformApi api;

    SelfPages(PlatformApi api) {
        this.api = api;
    }

    /** Where the signed-in user lands: the desk, the company, or their own page. */
    @GetMapping("/signin")
    String signedIn(org.springframework.security.core.Authentication auth,
            @RegisteredOAuth2AuthorizedClient("keycloak") OAuth2AuthorizedClient client) {
        var authorities = auth.getAuthorities().stream().map(a -> a.getAuthority()).toList();
        // notices go to the verified e-mail of the account just signed in with (the platform reads it
        // from the token; 404 while it holds nothing about the person: registered on a later sign-in)
        if (authorities.contains("PERSON")) {
            api.post(token(client), null, java.util.Map.of(), "/api/v1/me/notices/address");
        }
        if (authorities.contains("COMPANY")) {
            api.post(token(client), null, java.util.Map.of(), "/api/v1/me/company/notices/address");
        }
        if (authorities.contains("OFFICER")) {
            return "redirect:/desk";
        }
        if (authorities.contains("COMPANY")) {
            return "redirect:/company";
        }
        if (authorities.contains("PERSON")) {
            return "redirect:/me";
        }
        return "redirect:/";
    }

    @GetMapping({"/me", "/company"})
    String overview(@RegisteredOAuth2AuthorizedClient("keycloak") OAuth2AuthorizedClient client,
            @AuthenticationPrincipal OidcUser user, HttpServletRequest request, Model model) {
        Side side = side(request);
        String token = token(client);
        Answer records = api.get(token, null, side.api() + "/records");
        PublicPages.require(records);
        Answer applications = api.get(token, null, side.api() + "/applications");
        Answer score = api.get(token, null, side.api() + "/score");
        Answer notices = api.get(token, null, side.api() + "/notices");
        Answer denials = api.get(token, null, side.api() + "/travel-denials");
        side.addTo(model);
        model.addAttribute("user", user);
        model.addAttribute("records", records.list());
        model.addAttribute("applications", applications.ok() ? applications.list() : List.of());
        model.addAttribute("score", score.ok() ? score.map() : null);
        model.addAttribute("scoreProblem", score.ok() ? null : score.status());
        model.addAttribute("notices", notices.ok() ? notices.list() : null);
        model.addAttribute("denials", denials.ok() ? denials.list() : null);
        return "self";
    }

    @GetMapping({"/me/records/{recordId}", "/company/records/{recordId}"})
    String record(@PathVariable String recordId,
            @RegisteredOAuth2AuthorizedClient("keycloak") OAuth2AuthorizedClient client, HttpServletRequest request,
            Model model) {
        Side side = side(request);
        Answer detail = api.get(token(client), null, side.api() + "/records/{id}", recordId);
        PublicPages.require(detail);
        side.addTo(model);
        model.addAttribute("record", detail.map().get("record"));
        model.addAttribute("applications", detail.map().get("applications"));
        return "record";
    }

    @PostMapping({"/me/records/{recordId}/{kind}", "/company/records/{recordId}/{kind}"})
    String file(@PathVariable String recordId, @PathVariable String kind, @RequestParam(required = false) String reason,
            @RequestParam(required = false) String ground,
            @RegisteredOAuth2AuthorizedClient("keycloak") OAuth2AuthorizedClient client, HttpServletRequest request,
            RedirectAttributes redirect) {
        Side side = side(request);
        String path = switch (kind) {
            case "objection" -> "/objections";
            case "repair" -> "/repairs";
            case "deletion" -> "/deletion-requests";
            default -> throw new ApiStatusException(404, null);
        };
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reason", reason);
        if (kind.equals("deletion")) {
            body.put("ground", ground);
        }
        Answer filed = api.post(token(client), null, body, side.api() + "/records/{id}" + path, recordId);
        if (filed.ok()) {
            redirect.addFlashAttribute("filed", filed.map());
        } else if (filed.status() == 400 || filed.status() == 409) {
            redirect.addFlashAttribute("refusal", filed.detail());
            redirect.addFlashAttribute("refusalErrors", filed.errors());
            redirect.addFlashAttribute("refusedKind", kind);
        } else {
            PublicPages.require(filed);
        }
        return "redirect:" + side.base() + "/records/" + recordId;
    }

    @GetMapping({"/me/score", "/company/score"})
    String score(@RequestParam(required = false) String asOf,
            @RegisteredOAuth2AuthorizedClient("keycloak") OAuth2AuthorizedClient client, HttpServletRequest request,
            Model model) {
        Side side = side(request);
        String token = token(client);
        String day = asOf == null ? "" : asOf.strip();
        Answer score = day.isEmpty() ? api.get(token, null, side.api() + "/score")
                : api.get(token, null, side.api() + "/score?asOf={asOf}", day);
        Answer history = api.get(token, null, side.api() + "/score/history");
        Answer records = api.get(token, null, side.api() + "/records");
        side.addTo(model);
        model.addAttribute("asOf", day);
        model.addAttribute("score", score.ok() ? score.map() : null);
        model.addAttribute("scoreStatus", score.status());
        model.addAttribute("scoreProblem", score.ok() ? null : score.detail());
        model.addAttribute("history", history.ok() ? history.map().get("entries") : List.of());
        Map<Object, Object> byId = new LinkedHashMap<>();
        records.list().forEach(r -> byId.put(((Map<?, ?>) r).get("id"), r));
        model.addAttribute("recordsById", byId);
        return "score";
    }

    /**
     * Who looked at my data (a company's representative: at the company's), newest first, a page at a
     * time ({@code ?before=} the API's {@code next}: older entries).
     */
    @GetMapping({"/me/access-log", "/company/access-log"})
    String accessLog(@RequestParam(required = false) String before,
            @RegisteredOAuth2AuthorizedClient("keycloak") OAuth2AuthorizedClient client,
            HttpServletRequest request, Model model) {
        Side side = side(request);
        Answer log = before == null || before.isBlank() ? api.get(token(client), null, side.api() + "/access-log")
                : api.get(token(client), null, side.api() + "/access-log?before={before}", before.strip());
        PublicPages.require(log);
        side.addTo(model);
        model.addAttribute("log", log.map());
        model.addAttribute("paged", before != null && !before.isBlank());
        // the person's (company's representatives') own reads (through this portal, audited like any
        // other) apart from everyone else's, so an agency's access is never lost among them on the page
        List<Object> others = new java.util.ArrayList<>();
        List<Object> own = new java.util.ArrayList<>();
        Object entries = log.map().get("entries");
        if (entries instanceof List<?> all) {
            for (Object e : all) {
                Object route = e instanceof Map<?, ?> m ? m.get("route") : null;
                (route != null && route.toString().startsWith("GET /api/v1/me/") ? own : others).add(e);
            }
        }
        model.addAttribute("others", others);
        model.addAttribute("own", own);
        return "access-log";
    }

    @GetMapping({"/me/notices", "/company/notices"})
    String notices(@RegisteredOAuth2AuthorizedClient("keycloak") OAuth2AuthorizedClient client,
            HttpServletRequest request, Model model) {
        Side side = side(request);
        Answer notices = api.get(token(client), null, side.api() + "/notices");
        PublicPages.require(notices);
        side.addTo(model);
        model.addAttribute("notices", notices.list());
        return "notices";
    }

    static String token(OAuth2AuthorizedClient client) {
        return client.getAccessToken().getTokenValue();
    }

    /** Whose pages: the person's ({@code /me}) or the company's ({@code /company}), and their API. */
    record Side(String base, String api, boolean company) {
        void addTo(Model model) {
            model.addAttribute("base", base);
            model.addAttribute("company", company);
        }
    }

    static Side side(HttpServletRequest request) {
        return request.getRequestURI().startsWith("/company")
                ? new Side("/company", "/api/v1/me/company", true)
                : new Side("/me", "/api/v1/me", false);
    }
}
