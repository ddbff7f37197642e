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
 * The access-log page for a person ({@code /me/access-log}) and for a company's representative
 * ({@code /company/access-log}), in both languages: other parties' accesses in the table with their
 * purpose, the subject's own reads apart, and the link to the older page when the API names one.
 */
@SpringBootTest
class AccessLogPagesTest {

    @Autowired
    SpringTemplateEngine templates;

    @Autowired
    ApplicationContext context;

    String render(Locale locale, Map<String, Object> model) {
        JakartaServletWebApplication app = JakartaServletWebApplication.buildApplication(new MockServletContext());
        WebContext web = new WebContext(app.buildExchange(new MockHttpServletRequest(), new MockHttpServletResponse()),
                locale);
        web.setVariable(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
                new ThymeleafEvaluationContext(context, null));
        web.setVariable("currentPath", "/x");
        model.forEach(web::setVariable);
        return templates.process("access-log", web);
    }

    static Map<String, Object> entry(String client, String agency, String purpose, String route, long sequence) {
        Map<String, Object> e = new HashMap<>();
        e.put("time", "2026-12-06T08:30:00Z");
        e.put("client", client);
        e.put("agency", agency);
        e.put("purpose", purpose);
        e.put("route", route);
        e.put("status", 200);
        e.put("sequence", sequence);
        return e;
    }

    static Map<String, Object> model(boolean company, boolean paged, Long next) {
        Map<String, Object> log = new HashMap<>();
        log.put("complete", true);
        log.put("next", next);
        Map<String, Object> model = new HashMap<>();
        model.put("log", log);
        model.put("company", company);
        model.put("base", company ? "/company" : "/me");
        model.put("paged", paged);
        model.put("others", List.of(entry("samr-demo", "SAMR", "SUPERVISION", "GET /api/v1/subjects/{subjectId}/**", 42)));
        model.put("own", List.of(entry("credit-portal", null, null, "GET /api/v1/me/company/records", 40)));
        return model;
    }

    @Test
    void theCompanysPageSaysWhoReadTheCompanyWhyAndLinksToOlderEntries() {
        String html = render(Locale.ENGLISH, model(true, false, 40L));
        assertThat(html).contains("Who looked at the company&#39;s data").contains("samr-demo")
                .contains("State Administration for Market Regulation").contains("supervision")
                .contains("The company&#39;s representatives read its data through the portal 1 times")
                .contains("href=\"/company/access-log?before=40\"").doesNotContain("Newest entries")
                .contains("</html>");
        String zh = render(Locale.SIMPLIFIED_CHINESE, model(true, true, null));
        assertThat(zh).contains("谁查询了本企业的信息").contains("较早的记录").contains("href=\"/company/access-log\"")
                .doesNotContain("before=").contains("</html>");
    }

    @Test
    void aPersonsPageKeepsItsOwnWording() {
        String html = render(Locale.ENGLISH, model(false, false, null));
        assertThat(html).contains("Who looked at my data").contains("You read your own data through the portal 1 times")
                .doesNotContain("the company").doesNotContain("class=\"pages\"");
    }
}
