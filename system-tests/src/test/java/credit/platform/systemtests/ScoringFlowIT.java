package credit.platform.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import credit.platform.client.IdentifierDto;
import credit.platform.client.PlatformClient;
import credit.platform.client.lists.CreateRecordRequest;
import credit.platform.client.lists.RecordView;
import credit.platform.client.lists.SubjectNameDto;
import credit.platform.client.registry.CreateRelationshipRequest;
import credit.platform.client.registry.CreateSubjectRequest;
import credit.platform.client.registry.SubjectView;
import credit.platform.client.scoring.ScoreHistoryView;
import credit.platform.client.scoring.ScoreView;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import credit.platform.identifiers.Identifiers;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Scoring through the gateway with real tokens, real processes: a court lists a person → the
 * scoring service, following the lists change feed, recomputes the person and the company they
 * are legal representative of (relationship from the registry); both grades drop, the history
 * stores the change with the feed as its cause, the explanations name the court's record, and the
 * grade as of before the listing is still the old one.
 */
@ExtendWith(PlatformExtension.class)
class ScoringFlowIT {

    private static final Duration PROPAGATION = Duration.ofSeconds(30);
    /** The gateway requires a purpose for reads of person data (and audits them). */
    private static final String PURPOSE = "SUPERVISION";

    @Test
    void courtListingAPersonDropsTheirGradeAndTheGradeOfTheCompanyTheyRepresent(TestPlatform platform) {
        PlatformClient registrar = platform.clientFor("registrar-demo");
        PlatformClient court = platform.clientFor("court-demo");
        PlatformClient admin = platform.clientFor("platform-admin");
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String residentId = ResidentIds.withCheckCharacter("110105" + (1960 + random.nextInt(40))
                + String.format("%02d%02d%03d", 1 + random.nextInt(12), 1 + random.nextInt(28), random.nextInt(1000)));

        SubjectView person = registrar.registry().createSubject(new CreateSubjectRequest("PERSON",
                List.of(new IdentifierDto("RESIDENT_ID", residentId, null)), "评分测试", null, null));
        SubjectView company = registrar.registry().createSubject(new CreateSubjectRequest("LEGAL_ENTITY",
                List.of(new IdentifierDto("USCC", uscc(random), null)), "评分测试有限公司", null, null));
        registrar.registry().addRelationship(person.id(), new CreateRelationshipRequest("LEGAL_REPRESENTATIVE",
                company.id(), LocalDate.now(ZoneId.of("Asia/Shanghai")).minusYears(1), null, null));

        ScoreView personBefore = admin.scoring().getScore(person.id(), "", PURPOSE);
        ScoreView companyBefore = admin.scoring().getScore(company.id(), "", PURPOSE);
        assertThat(personBefore.grade()).isEqualTo("A");
        assertThat(companyBefore.modelId()).isEqualTo("corporate-compliance");
        assertThat(companyBefore.grade()).isEqualTo("A");
        Instant beforeListing = Instant.now();

        RecordView record = court.lists().createRecord("spc-dishonest-debtors", new CreateRecordRequest(
                new SubjectNameDto("PERSON", "RESIDENT_ID", residentId, null, "评分测试"),
                "(2026)京0105执9" + random.nextInt(1000) + "号", "有履行能力而拒不履行生效法律文书确定义务",
                "System test: scoring contagion", LocalDate.now(ZoneId.of("Asia/Shanghai")), null));

        // A feed, not a request, recomputes the company: its history gains a grade-B entry. Which feed gets
        // there first is a race — the lists change of the record, or the registry change of the
        // relationship created just before (whose recompute already sees the record) — and history keeps
        // only changes, so the cause is whichever came first; the explanation below names the record.
        AtomicReference<ScoreHistoryView.Entry> fromFeed = new AtomicReference<>();
        await("the company's score recomputed from a change feed").atMost(PROPAGATION)
                .pollInterval(Duration.ofMillis(300)).ignoreExceptions()
                .until(() -> {
                    Optional<ScoreHistoryView.Entry> e = admin.scoring().history(company.id(), "", PURPOSE).entries().stream()
                            .filter(h -> h.grade().equals("B")).findFirst();
                    e.ifPresent(fromFeed::set);
                    return e.isPresent();
                });
        assertThat(fromFeed.get().cause()).matches("(lists change \\d+: CREATED of list-record:" + record.id() + ".*"
                + "|registry change \\d+.*)");

        ScoreView companyAfter = admin.scoring().getScore(company.id(), "", PURPOSE);
        assertThat(companyAfter.grade()).isEqualTo("B");
        assertThat(companyAfter.points()).isLessThan(companyBefore.points());
        assertThat(companyAfter.contributions()).anySatisfy(c -> {
            assertThat(c.sourceRef()).isEqualTo("list-record:" + record.id());
            assertThat(c.ruleId()).isEqualTo("legal-representative-black-list");
            assertThat(c.description()).contains(person.id());
        });
        // As for the company, a feed (either one, see above) records the person's drop — waited for before
        // the score is read, so that a read cannot be the first to compute it.
        await("the person's score recomputed from a change feed").atMost(PROPAGATION)
                .pollInterval(Duration.ofMillis(300)).ignoreExceptions()
                .untilAsserted(() -> assertThat(admin.scoring().history(person.id(), "", PURPOSE).entries())
                        .anySatisfy(e -> {
                            assertThat(e.grade()).isEqualTo("B");
                            assertThat(e.cause()).matches("(lists change|registry change) .*");
                            assertThat(e.contributions()).anySatisfy(c ->
                                    assertThat(c.sourceRef()).isEqualTo("list-record:" + record.id()));
                        }));
        ScoreView personAfter = admin.scoring().getScore(person.id(), "", PURPOSE);
        assertThat(personAfter.grade()).isEqualTo("B");
        assertThat(personAfter.contributions()).anySatisfy(c ->
                assertThat(c.sourceRef()).isEqualTo("list-record:" + record.id()));

        // The grade before the listing is still answered from the history.
        ScoreView asOf = admin.scoring().getScoreAsOf(company.id(), "", beforeListing.toString(), PURPOSE);
        assertThat(asOf.grade()).isEqualTo("A");
    }

    /**
     * A company's grade is public by its USCC through the gateway: grade, model and instant only, to
     * anyone, without a token or a stated purpose; a code no company holds is a 404.
     */
    @Test
    void companysGradeIsReadableByItsCodeThroughTheGatewayWithoutAnyExplanation(TestPlatform platform)
            throws Exception {
        PlatformClient registrar = platform.clientFor("registrar-demo");
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String code = uscc(random);
        registrar.registry().createSubject(new CreateSubjectRequest("LEGAL_ENTITY",
                List.of(new IdentifierDto("USCC", code, null)), "公开评级测试有限公司", null, null));
        String admin = platform.clientCredentialsToken("platform-admin");
        java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        java.util.function.BiFunction<String, String, java.net.http.HttpResponse<String>> get = (uscc, token) -> {
            var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(platform.gatewayUrl()
                    + "/api/v1/scores/public/companies/" + uscc + "/grade")).timeout(Duration.ofSeconds(10))
                    .header("X-Purpose", PURPOSE);
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            try {
                return http.send(request.GET().build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };

        var company = get.apply(code, admin);
        assertThat(company.statusCode()).as(company.body()).isEqualTo(200);
        assertThat(company.body()).contains("\"grade\":\"A\"").contains("\"modelId\":\"corporate-compliance\"")
                .doesNotContain("contributions").doesNotContain("points").doesNotContain("公开评级测试有限公司");
        var nobody = get.apply(uscc(random), admin);
        assertThat(nobody.statusCode()).isEqualTo(404);
        assertThat(nobody.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        var anonymous = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(platform.gatewayUrl() + "/api/v1/scores/public/companies/" + code + "/grade"))
                .timeout(Duration.ofSeconds(10)).GET().build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).as(anonymous.body()).isEqualTo(200);
        assertThat(anonymous.body()).contains("\"grade\":\"A\"").doesNotContain("contributions");
    }

    /** A valid USCC: registration authority 9, kind 1, region 110105, organisation code with check, check. */
    static String uscc(ThreadLocalRandom random) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            body.append((char) ('0' + random.nextInt(10)));
        }
        String first17 = "91110105" + body + Identifiers.organisationCodeCheck(body);
        return first17 + Identifiers.usccCheckCharacter(first17);
    }
}
