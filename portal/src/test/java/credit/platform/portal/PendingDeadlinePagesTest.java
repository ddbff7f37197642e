package credit.platform.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockServletContext;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * An application whose deadline the lists service cannot count yet (it runs into a year without an
 * official holiday calendar: {@code workingDaysLeft} and {@code decideBy} null, {@code deadlinePending}
 * set) is shown as "not yet counted" on the desk and the person's page — never as "null working days"
 * (the record page has the same two cases; it is not rendered here).
 */
@SpringBootTest
class PendingDeadlinePagesTest {

    @Autowired
    SpringTemplateEngine templates;

    @Autowired
    ApplicationContext context;

    String render(String template, Map<String, Object> model) {
        JakartaServletWebApplication app = JakartaServletWebApplication.buildApplication(new MockServletContext());
        WebContext web = new WebContext(app.buildExchange(new MockHttpServletRequest(), new MockHttpServletResponse()),
                Locale.ENGLISH);
        web.setVariable(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
                new ThymeleafEvaluationContext(context, null));
        web.setVariable("currentPath", "/x");
        model.forEach(web::setVariable);
        return templates.process(template, web);
    }

    static Map<String, Object> pendingApplication() {
        Map<String, Object> a = new HashMap<>();
        a.put("id", "app-1");
        a.put("kind", "OBJECTION");
        a.put("recordId", "rec-1");
        a.put("status", "FILED");
        a.put("filedAt", Instant.parse("2026-12-28T02:00:00Z").toString());
        a.put("filedBy", "citizen");
        a.put("reason", "paid");
        a.put("decideBy", null);
        a.put("workingDaysLeft", null);
        a.put("overdue", false);
        a.put("deadlinePending", "no holiday calendar for 2027");
        for (String absent : List.of("decisionReason", "ground", "decidedAt", "decidedBy", "listId", "authority")) {
            a.put(absent, null);
        }
        return a;
    }

    @Test
    void theDeskSaysNotYetCounted() {
        String html = render("desk", Map.of("agency", "SPC", "items",
                List.of(Map.of("application", pendingApplication(), "record", Map.of("listName", "l", "caseNumber", "c")))));
        assertThat(html).contains("not yet counted").doesNotContain(">null<").contains("</html>");
    }

    @Test
    void thePersonsPagesSayWhyTheDeadlineIsNotCountedYet() {
        Map<String, Object> self = new HashMap<>(Map.of("records", List.of(), "applications", List.of(pendingApplication()),
                "base", "/me", "company", false));
        String page = render("self", self);
        assertThat(page).contains("deadline not yet counted: the official holiday calendar of the coming year")
                .doesNotContain("null working days");
    }
}
