package credit.platform.portal.web;

import credit.platform.portal.api.PlatformApi;
import credit.platform.portal.api.PlatformApi.Answer;
import credit.platform.portal.api.PlatformApi.PublicRead;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Public pages, no sign-in: a company by USCC or name (its public records in force and its public
 * grade), the public lists with masked identity numbers, and how it all works. Each page shows only
 * what the anonymous public API returns (tested: PortalPublicDisclosureIT).
 */
@Controller
class PublicPages {

    private final PlatformApi api;

    PublicPages(PlatformApi api) {
        this.api = api;
    }

    @GetMapping("/")
    String home() {
        return "home";
    }

    @GetMapping("/companies")
    String search(@RequestParam(required = false) String q, Model model) {
        String query = q == null ? "" : q.strip();
        model.addAttribute("q", query);
        if (query.isEmpty()) {
            model.addAttribute("results", List.of());
            return "companies";
        }
        Answer found = api.getPublic("/api/v1/public/companies?q={q}", query);
        if (found.status() == 400) {
            model.addAttribute("problem", found.detail());
            model.addAttribute("results", List.of());
            return "companies";
        }
        require(found);
        List<Object> results = found.list();
        if (results.size() == 1 && query.toUpperCase(Locale.ROOT).equals(((Map<?, ?>) results.getFirst()).get("uscc"))) {
            return "redirect:/companies/" + query.toUpperCase(Locale.ROOT);
        }
        model.addAttribute("results", results);
        return "companies";
    }

    @GetMapping("/companies/{uscc}")
    String company(@PathVariable String uscc, Model model) {
        String code = uscc.strip().toUpperCase(Locale.ROOT);
        // three independent reads: asked together, the page waits for the slowest, not for their sum
        List<Answer> answers = api.getPublicTogether(new PublicRead("/api/v1/public/companies/{uscc}", code),
                new PublicRead("/api/v1/public/companies/{uscc}/records", code),
                new PublicRead("/api/v1/scores/public/companies/{uscc}/grade", code));
        Answer company = answers.get(0);
        require(company);
        Answer records = answers.get(1);
        require(records);
        Answer grade = answers.get(2);
        model.addAttribute("company", company.map());
        model.addAttribute("records", records.list());
        model.addAttribute("grade", grade.ok() ? grade.map() : null);
        model.addAttribute("gradeUnavailable", grade.status() >= 500);
        return "company";
    }

    @GetMapping("/lists")
    String lists(Model model) {
        Answer lists = api.getPublic("/api/v1/public/lists");
        require(lists);
        model.addAttribute("lists", lists.list());
        return "lists";
    }

    @GetMapping("/lists/{listId}")
    String list(@PathVariable String listId, @RequestParam(defaultValue = "0") int page,
            @RequestParam(required = false) String identifier, Model model) {
        Answer lists = api.getPublic("/api/v1/public/lists");
        require(lists);
        Object definition = lists.list().stream().filter(l -> listId.equals(((Map<?, ?>) l).get("id"))).findFirst()
                .orElseThrow(() -> new ApiStatusException(404, null));
        String id = identifier == null ? "" : identifier.strip();
        Answer entries = id.isEmpty()
                ? api.getPublic("/api/v1/public/lists/{listId}/records?page={page}&size=20", listId, Math.max(page, 0))
                : api.getPublic("/api/v1/public/lists/{listId}/records?page={page}&size=20&identifier={id}", listId,
                        Math.max(page, 0), id);
        if (entries.status() == 400) {
            model.addAttribute("problem", entries.detail());
        } else {
            require(entries);
        }
        model.addAttribute("list", definition);
        model.addAttribute("entries", entries.ok() ? entries.map() : Map.of("items", List.of(), "total", 0));
        model.addAttribute("identifier", id);
        model.addAttribute("page", Math.max(page, 0));
        return "list";
    }

    @GetMapping("/how-it-works")
    String how(Model model) {
        Answer lists = api.getPublic("/api/v1/public/lists");
        require(lists);
        Answer models = api.getPublic("/api/v1/public/models");
        Answer measures = api.getPublic("/api/v1/public/measures");
        model.addAttribute("lists", lists.list());
        model.addAttribute("models", models.ok() ? models.list() : List.of());
        model.addAttribute("measures", measures.ok() ? measures.map() : null);
        return "how";
    }

    static void require(Answer answer) {
        if (!answer.ok()) {
            throw new ApiStatusException(answer.status(), answer.detail());
        }
    }
}
