package credit.platform.portal;

import static org.assertj.core.api.Assertions.assertThat;

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
 * The score page says what would remove each contribution: one from the subject's own record ends with
 * that record and links to it (object or apply for repair); one from a related subject's record ends
 * when that record ends. (A regression: the page once looked the record up under the literal key
 * "rid", so no contribution ever linked to its record.)
 */
@SpringBootTest
class ScorePageTest {

    @Autowired
    SpringTemplateEngine templates;

    @Autowired
    ApplicationContext context;

    @Test
    void aContributionFromTheSubjectsOwnRecordLinksToItAndARelatedOneSaysItEndsWithThatRecord() {
        JakartaServletWebApplication app = JakartaServletWebApplication.buildApplication(new MockServletContext());
        WebContext web = new WebContext(app.buildExchange(new MockHttpServletRequest(), new MockHttpServletResponse()),
                Locale.ENGLISH);
        web.setVariable(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
                new ThymeleafEvaluationContext(context, null));
        web.setVariable("currentPath", "/x");
        Map<String, Object> own = Map.of("points", -50, "description", "Abnormal operations list",
                "sourceRef", "list-record:rec-own");
        Map<String, Object> related = Map.of("points", -100, "description", "Black-list record of the legal representative",
                "sourceRef", "list-record:rec-director");
        Map<String, Object> score = new HashMap<>(Map.of("grade", "B", "points", 850, "modelId", "corporate-compliance",
                "modelVersion", 3, "computedAt", "2026-12-06T09:00:00Z", "basePoints", 1000,
                "contributions", List.of(own, related)));
        Map<String, Object> record = new HashMap<>(Map.of("id", "rec-own", "effectiveUntil", "2029-12-06",
                "untilDeletionGround", false));
        Map<String, Object> model = new HashMap<>(Map.of("base", "/company", "company", true, "asOf", "",
                "score", score, "scoreStatus", 200, "history", List.of(), "recordsById", Map.of("rec-own", record)));
        model.forEach(web::setVariable);
        String html = templates.process("score", web);
        assertThat(html).contains("ends on 2029-12-06").contains("href=\"/company/records/rec-own\"")
                .contains("ends when the related record ends").doesNotContain("/records/rec-director")
                .contains("</html>");
    }
}
