package credit.platform.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every journey of the portal in real Chromium, end to end through the real gateway, services and
 * Keycloak: the public company lookup (and that the page shows nothing the anonymous API does not
 * return), the public list with masked identity numbers, sign-in of each demo user, a citizen's
 * objection decided at the SPC officer's desk and the outcome in the citizen's pages and the travel
 * check, and a second citizen refused. Each journey saves a screenshot and passes axe-core with no
 * serious or critical violation.
 */
@ExtendWith(PlatformExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PortalJourneysIT {

    static final String CITIZEN_ID = "11010519491231002X"; // citizen-demo (keycloak/credit-realm.json)
    static final String COMPANY = "91350200776049653A"; // company-demo's company
    static final String COMPANY_NAME = "厦门鹭岛示例贸易有限公司";
    static final String SPC = "spc-dishonest-debtors";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration PROPAGATION = Duration.ofSeconds(30);

    private static String citizenRecordId;
    private static String companyRecordId;
    private static String removedCompanyCase;
    private static volatile String lastDecisionId;

    @BeforeAll
    static void world(TestPlatform platform) {
        if (System.getenv("CI") != null) {
            assertThat(Browser.available()).as("CI must run the browser tests: .ci/run installs chromium and chromium-driver")
                    .isTrue();
        }
        Assumptions.assumeTrue(Browser.available(), "Debian chromium and chromium-driver are not installed (.ci/run installs them)");
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        String registrar = platform.clientCredentialsToken("registrar-demo");
        // the company, registered by name so the public lookup finds it (409: an earlier run registered it)
        send(platform, "POST", "/api/v1/subjects", registrar, null, """
                {"kind":"LEGAL_ENTITY","identifiers":[{"scheme":"USCC","value":"%s"}],"name":"%s"}
                """.formatted(COMPANY, COMPANY_NAME));
        String samr = platform.clientCredentialsToken("samr-demo");
        HttpResponse<String> abnormal = send(platform, "POST", "/api/v1/lists/samr-abnormal-operations/records", samr, null, """
                {"subject":{"kind":"LEGAL_ENTITY","scheme":"USCC","value":"%s","name":"%s"},
                 "caseNumber":"厦市监异〔2026〕17号","legalGround":"unreachable at registered address",
                 "facts":"Mail to the registered address returned twice","effectiveFrom":"%s"}
                """.formatted(COMPANY, COMPANY_NAME, today));
        assertThat(abnormal.statusCode()).as(abnormal.body()).isEqualTo(201);
        companyRecordId = json(abnormal).path("id").asString();
        // a second record, removed at once: removed records are not public and must not show
        removedCompanyCase = "厦市监异〔2026〕" + System.nanoTime() % 100000 + "号";
        HttpResponse<String> second = send(platform, "POST", "/api/v1/lists/samr-abnormal-operations/records", samr, null, """
                {"subject":{"kind":"LEGAL_ENTITY","scheme":"USCC","value":"%s","name":"%s"},
                 "caseNumber":"%s","legalGround":"annual report not filed",
                 "facts":"filed late","effectiveFrom":"%s"}
                """.formatted(COMPANY, COMPANY_NAME, removedCompanyCase, today));
        String secondId = json(second).path("id").asString();
        assertThat(send(platform, "POST", "/api/v1/lists/samr-abnormal-operations/records/" + secondId + "/removal",
                samr, null, "{\"ground\":\"CURED\",\"reason\":\"report filed\"}").statusCode()).isEqualTo(200);
        // the demo citizen on the SPC list: the court's record
        String court = platform.clientCredentialsToken("court-demo");
        HttpResponse<String> listed = send(platform, "POST", "/api/v1/lists/" + SPC + "/records", court, null, """
                {"subject":{"kind":"PERSON","scheme":"RESIDENT_ID","value":"%s","name":"演示公民"},
                 "caseNumber":"(2026)京0105执%d号","legalGround":"有履行能力而拒不履行生效法律文书确定义务",
                 "facts":"Judgment debt of 80 000 yuan unpaid","effectiveFrom":"%s"}
                """.formatted(CITIZEN_ID, System.nanoTime() % 100000, today));
        assertThat(listed.statusCode()).as(listed.body()).isEqualTo(201);
        citizenRecordId = json(listed).path("id").asString();
        await("the listing reaches the travel check").atMost(PROPAGATION).pollInterval(Duration.ofMillis(300))
                .until(() -> "DENY".equals(travelCheck(platform)));
    }

    @Test
    @Order(1)
    void publicCompanyLookupShowsExactlyWhatTheAnonymousApiReturns(TestPlatform platform) {
        JsonNode records = json(send(platform, "GET", "/api/v1/public/companies/" + COMPANY + "/records", null, null, null));
        JsonNode company = json(send(platform, "GET", "/api/v1/public/companies/" + COMPANY, null, null, null));
        try (Browser browser = Browser.phone()) {
            browser.go(platform.portalUrl() + "/?lang=en");
            browser.driver.findElement(By.id("q")).sendKeys("鹭岛示例");
            browser.clickToNextPage(By.cssSelector("form.search button"));
            browser.clickToNextPage(By.linkText(COMPANY_NAME));
            assertThat(browser.h1()).isEqualTo(company.path("name").asString());
            List<WebElement> shown = browser.driver.findElements(By.cssSelector("article.record"));
            assertThat(shown).hasSize(records.size());
            String text = browser.text();
            for (JsonNode r : records) {
                for (String field : List.of("listName", "legalBasis", "caseNumber", "legalGround", "facts", "effectiveFrom")) {
                    assertThat(text).as(field).contains(r.path(field).asString());
                }
            }
            // nothing beyond the anonymous API: every value the record cards show is one of the API's values
            List<String> apiValues = new ArrayList<>();
            records.forEach(r -> r.properties().forEach(e -> apiValues.add(e.getValue().asString(""))));
            records.forEach(r -> r.path("remedies").properties().forEach(e -> apiValues.add(e.getValue().asString(""))));
            for (WebElement dd : browser.driver.findElements(By.cssSelector("article.record dl.facts dd"))) {
                String value = dd.getText();
                boolean fromApi = apiValues.stream().anyMatch(v -> !v.isEmpty() && value.contains(v));
                boolean label = value.equals("State Administration for Market Regulation")
                        || value.startsWith("until a deletion ground");
                assertThat(fromApi || label).as("shown value '%s' comes from the anonymous API", value).isTrue();
            }
            assertThat(browser.source()).doesNotContain(removedCompanyCase).doesNotContain(CITIZEN_ID);
            assertThat(browser.axe()).isEmpty();
            browser.screenshot("01-public-company");
        }
        // the portal asks for these pages with its own token naming the visitor (each visitor their own
        // budget): the realm issues that token, and the gateway honours the visitor header from it only
        String portalToken = platform.clientCredentialsToken("credit-portal");
        assertThat(visitorCall(platform, portalToken, "203.0.113.7").statusCode()).isEqualTo(200);
        assertThat(visitorCall(platform, portalToken, "not-an-address").statusCode()).isEqualTo(400);
        assertThat(visitorCall(platform, null, "not-an-address").statusCode()).isEqualTo(200);
    }

    static HttpResponse<String> visitorCall(TestPlatform platform, String token, String visitor) {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create(platform.gatewayUrl() + "/api/v1/public/companies/" + COMPANY))
                .timeout(Duration.ofSeconds(20)).header("X-Portal-Visitor", visitor);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    @Order(2)
    void publicListMasksIdentityNumbers(TestPlatform platform) {
        try (Browser browser = Browser.phone()) {
            browser.go(platform.portalUrl() + "/lists/" + SPC + "?lang=en");
            assertThat(browser.text()).contains("1101**********002X");
            assertThat(browser.source()).doesNotContain(CITIZEN_ID);
            // "is this person listed?": the full number asked for finds the entry, still shown masked
            browser.driver.findElement(By.id("identifier")).sendKeys(CITIZEN_ID);
            browser.clickToNextPage(By.cssSelector("form.search button"));
            assertThat(browser.driver.findElement(By.tagName("tbody")).getText())
                    .contains("1101**********002X").doesNotContain(CITIZEN_ID);
            assertThat(browser.axe()).isEmpty();
            browser.screenshot("02-public-list-masked");
            browser.go(platform.portalUrl() + "/how-it-works?lang=zh-CN");
            assertThat(browser.text()).contains("失信被执行人名单");
            // the whole page: the joint measures come last (a page that failed half-way stops before them)
            assertThat(browser.driver.findElements(By.cssSelector("#how-measures"))).hasSize(1);
            assertThat(browser.text()).contains("AIR_TRAVEL_BAN");
            assertThat(browser.driver.findElements(By.tagName("footer"))).hasSize(1);
            assertThat(browser.axe()).isEmpty();
            browser.screenshot("03-how-it-works-zh");
        }
    }

    @Test
    @Order(3)
    void eachDemoUserSignsInToTheirOwnPages(TestPlatform platform) {
        String portal = platform.portalUrl();
        try (Browser citizen = Browser.phone()) {
            citizen.go(portal + "/?lang=en").signIn(portal, "citizen-demo");
            assertThat(citizen.driver.getCurrentUrl()).endsWith("/me");
            assertThat(citizen.text()).contains("Records about you").contains("in force");
            // refused a ticket: the page says which check, with its decision reference and the measure
            assertThat(citizen.text()).contains("Travel checks that refused you").contains(lastDecisionId)
                    .contains("RAIL_HIGH_SPEED_BAN");
            assertThat(citizen.axe()).isEmpty();
            citizen.screenshot("04-citizen-signed-in");
            // the score: each contribution with what would remove it (the record: object or repair), as of a day
            await("the listing in the citizen's score").atMost(PROPAGATION).pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        citizen.go(portal + "/me/score?asOf=" + LocalDate.now(ZoneId.of("Asia/Shanghai")));
                        return citizen.text().contains("object or apply for repair");
                    });
            assertThat(citizen.driver.findElement(By.id("score-summary")).getText()).contains("points");
            assertThat(citizen.axe()).isEmpty();
        }
        try (Browser company = Browser.phone()) {
            company.go(portal + "/?lang=en").signIn(portal, "company-demo");
            assertThat(company.driver.getCurrentUrl()).endsWith("/company");
            assertThat(company.text()).contains("Abnormal-operations list").contains("in force");
            assertThat(company.axe()).isEmpty();
            company.screenshot("05-company-signed-in");
        }
        for (String officer : List.of("spc-officer-demo", "samr-officer-demo")) {
            try (Browser desk = Browser.desktop()) {
                desk.go(portal + "/?lang=en").signIn(portal, officer);
                assertThat(desk.driver.getCurrentUrl()).endsWith("/desk");
                assertThat(desk.h1()).contains(officer.startsWith("spc") ? "Supreme People's Court"
                        : "State Administration for Market Regulation");
                assertThat(desk.axe()).isEmpty();
                desk.screenshot("06-desk-" + officer);
            }
        }
    }

    @Test
    @Order(4)
    void aCitizenObjectsTheSpcOfficerUpholdsItAndTheCitizenCanTravelAgain(TestPlatform platform) {
        String portal = platform.portalUrl();
        try (Browser citizen = Browser.phone()) {
            citizen.go(portal + "/?lang=en").signIn(portal, "citizen-demo");
            citizen.go(portal + "/me/records/" + citizenRecordId);
            citizen.driver.findElement(By.id("objection-reason")).sendKeys("The judgment was paid in full on 1 May.");
            citizen.clickToNextPage(By.cssSelector("#objection-form button"));
            assertThat(citizen.driver.findElement(By.id("filed")).getText()).contains("Objection filed");
            assertThat(citizen.driver.findElement(By.id("record-status")).getText()).contains("disputed");
            assertThat(citizen.axe()).isEmpty();
            citizen.screenshot("07-citizen-objection-filed");
        }
        try (Browser desk = Browser.desktop()) {
            desk.go(portal + "/?lang=en").signIn(portal, "spc-officer-demo");
            assertThat(desk.driver.findElement(By.id("pending")).getText()).contains("Objection");
            desk.clickToNextPage(desk.driver.findElements(By.cssSelector("#pending a")).stream()
                    .filter(a -> a.getText().equals("Objection")).reduce((a, b) -> b).orElseThrow());
            assertThat(desk.text()).contains("The judgment was paid in full on 1 May.");
            desk.driver.findElement(By.id("outcome-accepted")).click();
            desk.driver.findElement(By.id("decision-reason")).sendKeys("Payment confirmed by the creditor.");
            desk.screenshot("08-desk-deciding");
            desk.clickToNextPage(By.cssSelector("#decision-form button"));
            assertThat(desk.driver.findElement(By.id("application-status")).getText()).isEqualTo("accepted");
            assertThat(desk.axe()).isEmpty();
            desk.screenshot("09-desk-decided");
        }
        await("the removal reaches the travel check").atMost(PROPAGATION).pollInterval(Duration.ofMillis(300))
                .until(() -> "ALLOW".equals(travelCheck(platform)));
        try (Browser citizen = Browser.phone()) {
            citizen.go(portal + "/?lang=en").signIn(portal, "citizen-demo");
            citizen.go(portal + "/me/records/" + citizenRecordId);
            assertThat(citizen.driver.findElement(By.id("record-status")).getText()).contains("removed");
            assertThat(citizen.text()).contains("Payment confirmed by the creditor.");
            assertThat(citizen.axe()).isEmpty();
            citizen.screenshot("10-citizen-sees-decision");
            // the notices: the listing and the removal, generated from the lists feed
            await("the removal's notice").atMost(PROPAGATION).pollInterval(Duration.ofMillis(500)).until(() -> {
                citizen.go(portal + "/me/notices");
                return citizen.text().contains("A record about you was removed");
            });
            assertThat(citizen.text()).contains("You have been put on a list").contains("AIR_TRAVEL_BAN");
            assertThat(citizen.axe()).isEmpty();
            citizen.screenshot("12-citizen-notices");
            // who looked: the SPC officer's desk reads (audited with their purpose), and the citizen's own
            // reads through the portal, audited like any other and shown apart
            citizen.go(portal + "/me/access-log");
            String log = citizen.driver.findElement(By.id("access-log")).getText();
            assertThat(log).contains("credit-portal").contains("Supreme People's Court")
                    .contains("reviewing an objection or repair");
            assertThat(citizen.driver.findElement(By.id("own-reads")).getText())
                    .startsWith("You read your own data through the portal");
            assertThat(citizen.axe()).isEmpty();
            citizen.screenshot("13-citizen-access-log");
        }
        // and e-mailed through the stack's SMTP server to the citizen's verified account address
        await("the notices by e-mail").atMost(PROPAGATION).pollInterval(Duration.ofMillis(500))
                .until(() -> Mailbox.subjects(platform, "citizen-demo@example.invalid").stream()
                        .anyMatch(subject -> subject.contains("A record about you was removed")));
        assertThat(Mailbox.subjects(platform, "citizen-demo@example.invalid"))
                .filteredOn(subject -> subject.contains("You have been put on a list")).hasSize(1);
    }

    @Test
    @Order(5)
    void aSecondCitizenSeesNothingOfTheFirst(TestPlatform platform) throws Exception {
        String portal = platform.portalUrl();
        try (Browser other = Browser.phone()) {
            other.go(portal + "/?lang=en").signIn(portal, "citizen2-demo");
            assertThat(other.text()).contains("The platform holds no record about you.");
            other.go(portal + "/me/records/" + citizenRecordId);
            assertThat(other.h1()).isEqualTo("Not found");
            assertThat(other.source()).doesNotContain(CITIZEN_ID).doesNotContain("Judgment debt of 80 000 yuan unpaid");
            other.go(portal + "/desk");
            assertThat(other.h1()).isEqualTo("Not allowed");
            other.go(portal + "/company");
            assertThat(other.h1()).isEqualTo("Not allowed");
            other.screenshot("11-second-citizen-refused");
        }
        // and the API itself, with the second citizen's own token: not found, not forbidden
        String token = platform.tokenResponse("grant_type=password&client_id=credit-web&username=citizen2-demo"
                + "&password=citizen2-demo-password&scope=openid").body();
        String bearer = JSON.readTree(token).path("access_token").asString();
        assertThat(send(platform, "GET", "/api/v1/me/records/" + citizenRecordId, bearer, null, null).statusCode())
                .isEqualTo(404);
        assertThat(send(platform, "POST", "/api/v1/me/records/" + citizenRecordId + "/objections", bearer, null,
                "{\"reason\":\"not mine\"}").statusCode()).isEqualTo(404);
    }

    @Test
    @Order(6)
    void aCompanysRepresentativeSeesTheCompanysScoreApplicationsNoticesAndWhoReadItAndWhy(TestPlatform platform) {
        String portal = platform.portalUrl();
        // the company's legal representative is put on the SPC list: their record counts in the company's
        // grade (the model's contagion rule), and the representative's score page names it
        String registrar = platform.clientCredentialsToken("registrar-demo");
        String companyId = json(send(platform, "GET", "/api/v1/subjects/lookup?scheme=USCC&value=" + COMPANY, registrar,
                "DATA_MAINTENANCE", null)).path("id").asString();
        String directorId = RegistryFlowsIT.newResidentId();
        HttpResponse<String> director = send(platform, "POST", "/api/v1/subjects", registrar, null, """
                {"kind":"PERSON","identifiers":[{"scheme":"RESIDENT_ID","value":"%s"}],"name":"示例法定代表人"}
                """.formatted(directorId));
        assertThat(director.statusCode()).as(director.body()).isEqualTo(201);
        HttpResponse<String> represents = send(platform, "POST", "/api/v1/subjects/" + json(director).path("id").asString()
                + "/relationships", registrar, null, """
                {"type":"LEGAL_REPRESENTATIVE","toSubjectId":"%s","validFrom":"%s"}
                """.formatted(companyId, LocalDate.now(ZoneId.of("Asia/Shanghai")).minusYears(1)));
        assertThat(represents.statusCode()).as(represents.body()).isEqualTo(201);
        HttpResponse<String> listed = send(platform, "POST", "/api/v1/lists/" + SPC + "/records",
                platform.clientCredentialsToken("court-demo"), null, """
                {"subject":{"kind":"PERSON","scheme":"RESIDENT_ID","value":"%s","name":"示例法定代表人"},
                 "caseNumber":"(2026)闽0203执%d号","legalGround":"有履行能力而拒不履行生效法律文书确定义务",
                 "facts":"Judgment debt unpaid","effectiveFrom":"%s"}
                """.formatted(directorId, System.nanoTime() % 100000, LocalDate.now(ZoneId.of("Asia/Shanghai"))));
        assertThat(listed.statusCode()).as(listed.body()).isEqualTo(201);
        // an agency reads the company through the platform, stating why
        HttpResponse<String> read = send(platform, "GET", "/api/v1/subjects/" + companyId,
                platform.clientCredentialsToken("samr-demo"), "SUPERVISION", null);
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);

        try (Browser company = Browser.phone()) {
            company.go(portal + "/?lang=en").signIn(portal, "company-demo");
            await("the company's grade counts its legal representative's record").atMost(PROPAGATION)
                    .pollInterval(Duration.ofMillis(500)).until(() -> {
                        company.go(portal + "/company/score");
                        return company.text().contains("Black-list record of the company's legal representative");
                    });
            assertThat(company.driver.findElement(By.id("contributions")).getText())
                    .contains("ends when the related record ends");
            assertThat(company.axe()).isEmpty();
            company.screenshot("15-company-score-contagion");
            // the company objects to its own record: the application, its deadline, with the company
            company.go(portal + "/company/records/" + companyRecordId);
            company.driver.findElement(By.id("objection-reason")).sendKeys("The company is reachable at its address.");
            company.clickToNextPage(By.cssSelector("#objection-form button"));
            assertThat(company.driver.findElement(By.id("filed")).getText()).contains("Objection filed");
            company.go(portal + "/company");
            assertThat(company.text()).contains("Objection");
            await("the company's listing notice").atMost(PROPAGATION).pollInterval(Duration.ofMillis(500)).until(() -> {
                company.go(portal + "/company/notices");
                return company.text().contains("You have been put on a list");
            });
            // who read the company: the SAMR read with its purpose, found through the company page
            company.go(portal + "/company");
            company.clickToNextPage(By.id("access-log-link"));
            assertThat(company.h1()).isEqualTo("Who looked at the company's data");
            String log = company.driver.findElement(By.id("access-log")).getText();
            assertThat(log).contains("samr-demo").contains("State Administration for Market Regulation")
                    .contains("supervision").contains("registrar-demo").contains("data maintenance");
            assertThat(company.driver.findElement(By.id("own-reads")).getText())
                    .startsWith("The company's representatives read its data through the portal");
            assertThat(company.axe()).isEmpty();
            company.screenshot("14-company-access-log");
        }
        // the company's access log is the representative's only: a person gets "not allowed", page and API
        try (Browser other = Browser.phone()) {
            other.go(portal + "/?lang=en").signIn(portal, "citizen2-demo");
            other.go(portal + "/company/access-log");
            assertThat(other.h1()).isEqualTo("Not allowed");
            assertThat(other.source()).doesNotContain("samr-demo");
        }
        String token = platform.tokenResponse("grant_type=password&client_id=credit-web&username=citizen2-demo"
                + "&password=citizen2-demo-password&scope=openid").body();
        String bearer = JSON.readTree(token).path("access_token").asString();
        HttpResponse<String> refused = send(platform, "GET", "/api/v1/me/company/access-log?uscc=" + COMPANY, bearer,
                null, null);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).doesNotContain("samr-demo");
    }

    /** The rail ticketing system checks the demo citizen on a G train tomorrow: ALLOW or DENY. */
    static String travelCheck(TestPlatform platform) {
        String tomorrow = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1).toString();
        HttpResponse<String> answer = send(platform, "POST", "/api/v1/travel-checks",
                platform.clientCredentialsToken("rail-demo"), null, """
                {"passengerRef":"p1","document":{"type":"RESIDENT_ID","number":"%s"},"mode":"RAIL",
                 "trainNumber":"G1","seatClass":"SECOND_CLASS","travelDate":"%s"}
                """.formatted(CITIZEN_ID, tomorrow));
        if (answer.statusCode() != 200) {
            return "status " + answer.statusCode();
        }
        lastDecisionId = json(answer).path("decisionId").asString();
        return json(answer).path("decision").asString();
    }

    static HttpResponse<String> send(TestPlatform platform, String method, String path, String token, String purpose,
            String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + path))
                .timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (purpose != null) {
            request.header("X-Purpose", purpose);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
