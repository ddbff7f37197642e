package credit.platform.portal.web;

import credit.platform.portal.api.PlatformApi;
import credit.platform.portal.api.PlatformApi.Answer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.annotation.RegisteredOAuth2AuthorizedClient;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The officer's desk: applications awaiting the officer's authority, overdue first, with the working
 * days left; one application with its record, decided with a reason; the authority's own records. Reads
 * state their purpose (objection review, supervision) and are audited by the gateway under the officer's
 * token, so the subject sees them in their access log.
 */
@Controller
class DeskPages {

    static final String REVIEW = "OBJECTION_REVIEW";
    static final String SUPERVISION = "SUPERVISION";

    private final PlatformApi api;

    DeskPages(PlatformApi api) {
        this.api = api;
    }

    @GetMapping("/desk")
    String pending(@RegisteredOAuth2AuthorizedClient("keycloak") OAuth2AuthorizedClient client,
            @AuthenticationPrincipal OidcUser user, Model model) {
        Answer pending = api.get(SelfPages.token(client), REVIEW, "/api/v1/desk/applications");
        PublicPages.require(pending);
        model.addAttribute("items", pending.list());
        model.addAttribute("agency", user.getClaimAsString("agency"));
        return "desk";
    }

    @GetMapping("/desk/applications/{id}")
    String application(@PathVariable String id,
            @RegisteredOAuth2AuthorizedClient("keycloak") OAuth2AuthorizedClient client, Model model) {
        Answer item = api.get(SelfPages.token(client), REVIEW, "/api/v1/desk/applications/{id}", id);
        PublicPages.require(item);
        model.addAttribute("item", item.map());
        return "desk-application";
    }

    @PostMapping("/desk/applications/{id}/decision")
    String decide(@PathVariable String id, @RequestParam(required = false) String outcome,
            @RequestParam(required = false) String reason,
            @RegisteredOAuth2AuthorizedClient("keycloak") OAuth2AuthorizedClient client, RedirectAttributes redirect) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("outcome", outcome);
        body.put("reason", reason);
        Answer decided = api.post(SelfPages.token(client), REVIEW, body, "/api/v1/desk/applications/{id}/decision", id);
        if (decided.ok()) {
            redirect.addFlashAttribute("decided", true);
        } else if (decided.status() == 400 || decided.status() == 409) {
            redirect.addFlashAttribute("refusal", decided.detail());
            redirect.addFlashAttribute("refusalErrors", decided.errors());
        } else {
            PublicPages.require(decided);
        }
        return "redirect:/desk/applications/" + id;
    }

    @GetMapping("/desk/records")
    String records(@RequestParam(defaultValue = "0") int page,
            @RegisteredOAuth2AuthorizedClient("keycloak") OAuth2AuthorizedClient client,
            @AuthenticationPrincipal OidcUser user, Model model) {
        Answer records = api.get(SelfPages.token(client), SUPERVISION, "/api/v1/desk/records?page={page}&size=50",
                Math.max(page, 0));
        PublicPages.require(records);
        model.addAttribute("records", records.map());
        model.addAttribute("page", Math.max(page, 0));
        model.addAttribute("agency", user.getClaimAsString("agency"));
        return "desk-records";
    }
}
