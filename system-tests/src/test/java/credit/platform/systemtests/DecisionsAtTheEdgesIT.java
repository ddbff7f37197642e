package credit.platform.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import credit.platform.client.IdentifierDto;
import credit.platform.client.PlatformClient;
import credit.platform.client.lists.CreateRecordRequest;
import credit.platform.client.lists.SubjectNameDto;
import credit.platform.client.registry.AddIdentifierRequest;
import credit.platform.client.registry.CreateRelationshipRequest;
import credit.platform.client.registry.CreateSubjectRequest;
import credit.platform.client.registry.SubjectView;
import credit.platform.client.travel.TravelCheck;
import credit.platform.client.travel.TravelDecision;
import credit.platform.client.travel.TravelDocument;
import credit.platform.identifiers.Identifiers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue #11's first list, through the gateway with real Keycloak tokens and the real registry, lists
 * and sanctions processes: each case that gave a wrong answer now gives the right one.
 */
@ExtendWith(PlatformExtension.class)
class DecisionsAtTheEdgesIT {

    static final String SPC = "spc-dishonest-debtors";
    static final String NDRC = "ndrc-serious-dishonesty-travel";
    /** The goal is about a second; the bound here leaves room for a loaded CI machine. */
    static final Duration PROPAGATION = Duration.ofSeconds(20);
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }

    /** A fresh resident ID: address code, birth date yyyyMMdd, random sequence, check character from the kernel. */
    static String residentId(String address, String birth) {
        return ResidentIds.withCheckCharacter(address + birth + "%03d".formatted(ThreadLocalRandom.current().nextInt(1000)));
    }

    static String uscc(String division) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            body.append((char) ('0' + ThreadLocalRandom.current().nextInt(10)));
        }
        String first17 = "91" + division + body + Identifiers.organisationCodeCheck(body);
        return first17 + Identifiers.usccCheckCharacter(first17);
    }

    static SubjectView person(PlatformClient registrar, String residentId) {
        return registrar.registry().createSubject(new CreateSubjectRequest("PERSON",
                List.of(new IdentifierDto("RESIDENT_ID", residentId, null)), "边界测试", null, null));
    }

    static void list(PlatformClient agency, String list, String kind, String scheme, String value, LocalDate from) {
        agency.lists().createRecord(list, new CreateRecordRequest(new SubjectNameDto(kind, scheme, value, null, "边界测试"),
                "(2026)京0105执11号", "有履行能力而拒不履行", "System test: decisions at the edges", from, null));
    }

    static void awaitDecision(String what, PlatformClient client, TravelCheck check, boolean denied) {
        await(what).atMost(PROPAGATION).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .until(() -> client.travel().checkTravel(check).denied() == denied);
    }

    record Response(int status, JsonNode body) {
    }

    Response post(TestPlatform platform, String clientId, String path, String json) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + path))
                .header("Authorization", "Bearer " + platform.clientCredentialsToken(clientId))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        return new Response(r.statusCode(), r.body().isBlank() ? null : JSON.readTree(r.body()));
    }

    @Test
    void aPassportBoundAfterTheListingIsDeniedWithinTheBoundAndNoLongerOnceUnbound(TestPlatform platform) throws Exception {
        PlatformClient registrar = platform.clientFor("registrar-demo");
        PlatformClient airline = platform.clientFor("airline-demo");
        String id = residentId("110105", "19750607");
        String passport = "E" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
        SubjectView subject = person(registrar, id);
        list(platform.clientFor("court-demo"), SPC, "PERSON", "RESIDENT_ID", id, today());
        LocalDate tomorrow = today().plusDays(1);
        awaitDecision("the listing reaches the index", airline,
                TravelCheck.flight("PNR-1", TravelDocument.residentId(id), "ECONOMY", tomorrow), true);
        TravelCheck byPassport = TravelCheck.flight("PNR-2",
                TravelDocument.passport("chn", passport.toLowerCase().substring(0, 4) + "-" + passport.substring(4)),
                "ECONOMY", tomorrow);
        assertThat(airline.travel().checkTravel(byPassport).denied()).as("passport not bound yet").isFalse();

        SubjectView bound = registrar.registry().addIdentifier(subject.id(),
                new AddIdentifierRequest("PASSPORT", passport, "CHN", subject.version()));

        awaitDecision("the passport bound after the listing denies", airline, byPassport, true);

        Response removed = post(platform, "registrar-demo", "/api/v1/subjects/" + subject.id() + "/identifiers/removal",
                """
                {"scheme":"PASSPORT","value":"%s","issuingCountry":"CHN","expectedVersion":%d}""".formatted(passport,
                        bound.version()));
        assertThat(removed.status()).as(String.valueOf(removed.body())).isEqualTo(200);
        awaitDecision("the unbound passport no longer denies", airline, byPassport, false);
    }

    @Test
    void trainNumbersInFullWidthOrLowerCaseAreTheTrainsTheyName(TestPlatform platform) {
        PlatformClient rail = platform.clientFor("rail-demo");
        String id = residentId("110105", "19760101");
        person(platform.clientFor("registrar-demo"), id);
        list(platform.clientFor("court-demo"), SPC, "PERSON", "RESIDENT_ID", id, today());
        LocalDate tomorrow = today().plusDays(1);
        TravelDocument doc = TravelDocument.residentId(id);
        awaitDecision("the listing reaches the index", rail, TravelCheck.train("G", doc, "Ｇ１２３４", "SECOND_CLASS", tomorrow), true);

        assertThat(rail.travel().checkTravel(TravelCheck.train("d1", doc, "ｄ301", "FIRST_CLASS", tomorrow)).denied()).isTrue();
        assertThat(rail.travel().checkTravel(TravelCheck.train("d2", doc, "ｄ301", "SECOND_CLASS", tomorrow)).denied()).isFalse();
        assertThat(rail.travel().checkTravel(TravelCheck.train("g2", doc, "g 1234", "NO_SEAT", tomorrow)).denied()).isTrue();
    }

    @Test
    void aPersonOnTheNdrcSeriousDishonestyListMayNotBuyASoftSleeper(TestPlatform platform) {
        PlatformClient rail = platform.clientFor("rail-demo");
        String id = residentId("110105", "19770202");
        person(platform.clientFor("registrar-demo"), id);
        list(platform.clientFor("ndrc-demo"), NDRC, "PERSON", "RESIDENT_ID", id, today());
        LocalDate tomorrow = today().plusDays(1);
        TravelDocument doc = TravelDocument.residentId(id);
        awaitDecision("the listing reaches the index", rail, TravelCheck.train("soft", doc, "K1", "SOFT_SLEEPER", tomorrow), true);

        TravelDecision soft = rail.travel().checkTravel(TravelCheck.train("soft", doc, "K1", "SOFT_SLEEPER", tomorrow));
        assertThat(soft.reasons()).extracting(r -> r.measure()).containsExactly("RAIL_SOFT_SLEEPER_BAN");
        assertThat(rail.travel().checkTravel(TravelCheck.train("hard", doc, "K1", "HARD_SLEEPER", tomorrow)).denied()).isFalse();
        assertThat(rail.travel().checkTravel(TravelCheck.train("emu1", doc, "D301", "FIRST_CLASS", tomorrow)).denied()).isTrue();
    }

    @Test
    void aLegalRepresentativeWhoseRoleStartsInFiveDaysIsBoundFromThatDayWithNoFurtherEvent(TestPlatform platform) {
        PlatformClient registrar = platform.clientFor("registrar-demo");
        PlatformClient airline = platform.clientFor("airline-demo");
        String uscc = uscc("350200");
        SubjectView company = registrar.registry().createSubject(new CreateSubjectRequest("LEGAL_ENTITY",
                List.of(new IdentifierDto("USCC", uscc, null)), "边界测试有限公司", null, null));
        String rep = residentId("110105", "19780303");
        SubjectView person = person(registrar, rep);
        list(platform.clientFor("court-demo"), SPC, "LEGAL_ENTITY", "USCC", uscc, today());
        LocalDate t5 = today().plusDays(5);

        registrar.registry().addRelationship(person.id(),
                new CreateRelationshipRequest("LEGAL_REPRESENTATIVE", company.id(), t5, null, null));

        TravelDocument doc = TravelDocument.residentId(rep);
        awaitDecision("the future legal representative is bound from the first day of the role", airline,
                TravelCheck.flight("T+5", doc, "ECONOMY", t5), true);
        TravelDecision onT5 = airline.travel().checkTravel(TravelCheck.flight("T+5", doc, "ECONOMY", t5));
        assertThat(onT5.reasons().getFirst().capacity()).isEqualTo("as legal representative of " + uscc);
        assertThat(airline.travel().checkTravel(TravelCheck.flight("T+4", doc, "ECONOMY", t5.minusDays(1))).denied())
                .as("not yet the legal representative the day before").isFalse();
        assertThat(airline.travel().checkTravel(TravelCheck.flight("T+6", doc, "ECONOMY", t5.plusDays(1))).denied())
                .isTrue();
    }

    @Test
    void aOneYearRestrictionFrom1March2027StillDeniesOn29February2028AndNotTheDayAfter(TestPlatform platform) {
        PlatformClient airline = platform.clientFor("airline-demo");
        String id = residentId("110105", "19790404");
        person(platform.clientFor("registrar-demo"), id);
        list(platform.clientFor("ndrc-demo"), NDRC, "PERSON", "RESIDENT_ID", id, LocalDate.of(2027, 3, 1));
        TravelDocument doc = TravelDocument.residentId(id);

        awaitDecision("the listing reaches the index", airline,
                TravelCheck.flight("leap", doc, "ECONOMY", LocalDate.of(2028, 2, 29)), true);
        assertThat(airline.travel().checkTravel(TravelCheck.flight("after", doc, "ECONOMY", LocalDate.of(2028, 3, 1)))
                .denied()).isFalse();
    }

    @Test
    void aMinorIsNeverListedHoweverTheIdIsWrittenNorWhenNamedByPassport(TestPlatform platform) throws Exception {
        String minor = residentId("110105", "20120505");
        for (String written : List.of(minor.substring(0, 6) + "-" + minor.substring(6, 14) + "-" + minor.substring(14),
                minor.substring(0, 6) + " " + minor.substring(6))) {
            Response refused = post(platform, "court-demo", "/api/v1/lists/" + SPC + "/records", """
                    {"subject":{"kind":"PERSON","scheme":"RESIDENT_ID","value":"%s","name":"未成年"},
                     "caseNumber":"(2026)京0105执12号","legalGround":"g","facts":"f","effectiveFrom":"%s"}"""
                    .formatted(written, today()));
            assertThat(refused.status()).as(written).isEqualTo(400);
            assertThat(refused.body().get("errors").get(0).get("rule").asString()).isEqualTo("minor");
        }

        String passport = "E" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
        Response registered = post(platform, "registrar-demo", "/api/v1/subjects", """
                {"kind":"PERSON","identifiers":[{"scheme":"PASSPORT","value":"%s","issuingCountry":"CHN"}],
                 "name":"未成年","birthDate":"2013-06-06"}""".formatted(passport));
        assertThat(registered.status()).as(String.valueOf(registered.body())).isEqualTo(201);
        Response byPassport = post(platform, "court-demo", "/api/v1/lists/" + SPC + "/records", """
                {"subject":{"kind":"PERSON","scheme":"PASSPORT","value":"%s","issuingCountry":"CHN","name":"未成年"},
                 "caseNumber":"(2026)京0105执13号","legalGround":"g","facts":"f","effectiveFrom":"%s"}"""
                .formatted(passport, today()));
        assertThat(byPassport.status()).isEqualTo(400);
        assertThat(byPassport.body().get("errors").get(0).get("rule").asString()).isEqualTo("minor");
    }

    @Test
    void identifiersUnderRetiredDivisionsAndResidencePermitsAreRegisteredListedAndDenied(TestPlatform platform) {
        PlatformClient registrar = platform.clientFor("registrar-demo");
        PlatformClient court = platform.clientFor("court-demo");
        for (String address : List.of("371202", "110221", "341421", "652101", "652201", "810000", "820000", "830000")) {
            String id = residentId(address, "19800101");
            assertThat(person(registrar, id).identifiers().getFirst().value()).as(address).isEqualTo(id);
        }
        for (String division : List.of("371200", "341400", "652100", "652200")) {
            String code = uscc(division);
            assertThat(registrar.registry().createSubject(new CreateSubjectRequest("LEGAL_ENTITY",
                    List.of(new IdentifierDto("USCC", code, null)), "旧区划公司", null, null)).id()).as(division).isNotBlank();
        }
        String laiwu = residentId("371202", "19810101");
        person(registrar, laiwu);
        list(court, SPC, "PERSON", "RESIDENT_ID", laiwu, today());
        awaitDecision("a Laiwu resident ID is denied once listed", platform.clientFor("airline-demo"),
                TravelCheck.flight("laiwu", TravelDocument.residentId(laiwu), "ECONOMY", today().plusDays(1)), true);
    }

    @Test
    void aDocumentNumberThatIsNotValidIsA400NamingTheFieldNeverAnAllow(TestPlatform platform) throws Exception {
        String valid = residentId("110105", "19820202");
        String wrongCheck = valid.substring(0, 17) + (valid.charAt(17) == '1' ? '2' : '1');
        Response refused = post(platform, "airline-demo", "/api/v1/travel-checks", """
                {"passengerRef":"x","document":{"type":"RESIDENT_ID","number":"%s"},"mode":"AIR","seatClass":"ECONOMY"}"""
                .formatted(wrongCheck));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().get("errors").get(0).get("field").asString()).isEqualTo("document.number");
        assertThat(refused.body().get("errors").get(0).get("rule").asString()).isEqualTo("check-character");
    }
}
