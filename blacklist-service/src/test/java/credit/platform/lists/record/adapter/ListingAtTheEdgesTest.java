package credit.platform.lists.record.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import credit.common.v1.IdentifierScheme;
import credit.platform.identifiers.Identifiers;
import credit.platform.lists.support.ListsServiceTest;
import credit.platform.testsupport.TestHttp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The lists service at its edges: one identifier parse (the kernel's) before any rule, the minors
 * rule on the birth date the registry holds for any document, SPC ground 1 as the only open-ended
 * ground, calendar terms, and deadlines that need an unknown year flagged instead of guessed.
 */
class ListingAtTheEdgesTest extends ListsServiceTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @org.springframework.beans.factory.annotation.Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    @org.springframework.beans.factory.annotation.Autowired
    credit.platform.lists.application.adapter.OverdueMetrics overdue;
    static final String SPC = "/api/v1/lists/spc-dishonest-debtors/records";

    static String residentId(String address, String birth, String sequence) {
        String first17 = address + birth + sequence;
        return first17 + Identifiers.residentCheckCharacter(first17);
    }

    static List<String> errors(TestHttp.Response r) {
        return StreamSupport.stream(JSON.readTree(r.body()).get("errors").spliterator(), false)
                .map(e -> e.get("field").asString() + ":" + e.get("rule").asString()).toList();
    }

    @LocalManagementPort
    int managementPort;

    /** The actuator is on its own port. */
    TestHttp management() {
        return new TestHttp("http://localhost:" + managementPort);
    }

    static String byPassport(String number, String birthDate) {
        return """
                {"subject":{"kind":"PERSON","scheme":"PASSPORT","value":"%s","issuingCountry":"CHN","name":"李四"%s},
                 "caseNumber":"(2026)京0105执9号","legalGround":"g","facts":"f","effectiveFrom":"2026-11-01"}
                """.formatted(number, birthDate == null ? "" : ",\"birthDate\":\"" + birthDate + "\"");
    }

    @Test
    void aMinorsResidentIdWrittenWithHyphensOrSpacesIsStillAMinorAndNothingIsWritten() {
        String minor = residentId("110105", "20100101", "001");
        for (String written : new String[] {minor.substring(0, 6) + "-" + minor.substring(6),
                minor.substring(0, 6) + " " + minor.substring(6, 14) + " " + minor.substring(14)}) {
            TestHttp.Response refused = http.post(SPC, court(), debtor(written, "2026-11-01", null));
            assertThat(refused.status()).as(written).isEqualTo(400);
            assertThat(errors(refused)).containsExactly("subject.value:minor");
        }
        assertThat(count("records")).isZero();
        assertThat(REGISTRY.calls()).isZero();
    }

    @Test
    void aMinorNamedByPassportIsRefusedOnTheBirthDateTheRegistryHolds() {
        REGISTRY.holds(IdentifierScheme.IDENTIFIER_SCHEME_PASSPORT, "E55667788", "CHN", LocalDate.of(2012, 3, 4));

        TestHttp.Response refused = http.post(SPC, court(), byPassport("e5566-7788", null));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(errors(refused)).containsExactly("subject.value:minor");
        assertThat(count("records")).isZero();
    }

    @Test
    void aPersonNamedByPassportWithNoKnownBirthDateIsNotListedOnAListThatNeverNamesMinors() {
        TestHttp.Response refused = http.post(SPC, court(), byPassport("E11223344", null));
        assertThat(errors(refused)).containsExactly("subject.birthDate:required");
        assertThat(count("records")).isZero();

        TestHttp.Response adult = http.post(SPC, court(), byPassport("E11223344", "1980-02-29"));
        assertThat(adult.status()).as(adult.body()).isEqualTo(201);
        TestHttp.Response minor = http.post(SPC, court(), byPassport("E99887711", "2015-06-01"));
        assertThat(errors(minor)).containsExactly("subject.value:minor");
    }

    @Test
    void identifiersIssuedUnderRetiredDivisionsAndResidencePermitsAreListed() {
        for (String address : new String[] {"371202", "341421", "652201", "110221", "810000", "830000"}) {
            TestHttp.Response created = http.post(SPC, court(), debtor(residentId(address, "19700101", "123"),
                    "2026-11-01", null));
            assertThat(created.status()).as(address + ": " + created.body()).isEqualTo(201);
        }
    }

    @Test
    void aNumberThatIsNoIdentifierIsRefusedNamingTheFieldBeforeTheRegistryIsAsked() {
        TestHttp.Response refused = http.post(SPC, court(), debtor(residentId("110199", "19700101", "123"), "2026-11-01", null));
        assertThat(errors(refused)).containsExactly("subject.value:address-code");
        assertThat(REGISTRY.calls()).isZero();
        assertThat(count("records")).isZero();
    }

    @Test
    void spcGroundOneLastsUntilADeletionGroundAndTheRecordSaysSo() {
        JsonNode ground1 = JSON.readTree(http.post(SPC, court(),
                debtor(residentId("110105", "19700101", "123"), "2026-11-01", null).replace("\"effectiveUntil\":null",
                        "\"effectiveUntil\":null,\"ground\":\"1\"")).body());
        assertThat(ground1.get("ground").asString()).isEqualTo("1");
        assertThat(ground1.get("untilDeletionGround").asBoolean()).isTrue();
        assertThat(ground1.get("effectiveUntil").isNull()).isTrue();

        JsonNode ground2 = JSON.readTree(http.post(SPC, court(),
                debtor(residentId("110105", "19700101", "125"), "2026-11-01", null).replace("\"effectiveUntil\":null",
                        "\"effectiveUntil\":null,\"ground\":\"2\"")).body());
        assertThat(ground2.get("untilDeletionGround").asBoolean()).isFalse();
        assertThat(ground2.get("effectiveUntil").asString()).isEqualTo("2028-10-31");
    }

    @Test
    void onlyGroundOneMayBeOpenEndedAndAGroundTheListLacksIsRefused() {
        TestHttp.Response openGround2 = http.post(SPC, court(),
                debtor(residentId("110105", "19700101", "127"), "2026-11-01", null).replace("\"effectiveUntil\":null",
                        "\"untilDeletionGround\":true,\"ground\":\"2\""));
        assertThat(errors(openGround2)).containsExactly("ground:open-ended-ground");
        TestHttp.Response openNoGround = http.post(SPC, court(),
                debtor(residentId("110105", "19700101", "127"), "2026-11-01", null).replace("\"effectiveUntil\":null",
                        "\"untilDeletionGround\":true"));
        assertThat(errors(openNoGround)).containsExactly("ground:open-ended-ground");
        TestHttp.Response ground7 = http.post(SPC, court(),
                debtor(residentId("110105", "19700101", "127"), "2026-11-01", null).replace("\"effectiveUntil\":null",
                        "\"ground\":\"7\""));
        assertThat(errors(ground7)).containsExactly("ground:listing-ground");
        assertThat(count("records")).isZero();
    }

    @Test
    void aOneYearTermAcross29FebruaryEndsTheDayBeforeTheAnniversary() {
        String ndrc = agency("ndrc-demo", "NDRC");
        JsonNode created = JSON.readTree(http.post("/api/v1/lists/ndrc-serious-dishonesty-travel/records", ndrc,
                debtor(residentId("110105", "19700101", "129"), "2027-03-01", null)).body());
        assertThat(created.get("effectiveUntil").asString()).isEqualTo("2028-02-29");
    }

    @Test
    void aWorkingDayDeadlineReachingIntoAYearWithoutAHolidayFileIsFlaggedNotGuessed() {
        String record = SPC + "/" + JSON.readTree(http.post(SPC, court(),
                debtor(residentId("110105", "19700101", "131"), "2026-10-01", null)).body()).get("id").asString();
        CLOCK.set(Instant.parse("2026-12-29T02:00:00Z"));

        TestHttp.Response filed = http.post(record + "/deletion-requests", court(),
                "{\"ground\":\"CREDITOR_CONSENT\",\"reason\":\"the creditor withdrew the application\"}");

        assertThat(filed.status()).isEqualTo(201);
        JsonNode application = JSON.readTree(filed.body());
        assertThat(application.get("decideBy").isNull()).isTrue();
        assertThat(application.get("deadlinePending").asString()).contains("no working-day calendar for 2027");
        assertThat(application.get("overdue").asBoolean()).isFalse();

        JsonNode readiness = JSON.readTree(management().get("/actuator/health/readiness", null).body());
        assertThat(readiness.get("status").asString()).isEqualTo("WARNING");
        assertThat(readiness.get("components").get("workingCalendar").get("details").get("warning").asString())
                .contains("no public-holiday file for 2027");
        assertThat(meters.get("lists.calendar.covered.days").gauge().value()).isEqualTo(2.0);
        overdue.refresh();
        assertThat(meters.get("lists.applications.deadline.pending").gauge().value()).isEqualTo(1.0);
    }

    @Test
    void wellBeforeTheYearTurnsReadinessIsUp() {
        JsonNode readiness = JSON.readTree(management().get("/actuator/health/readiness", null).body());
        assertThat(readiness.get("status").asString()).isEqualTo("UP");
        assertThat(readiness.get("components").get("workingCalendar").get("details").get("coveredThrough").asString())
                .isEqualTo("2026-12-31");
    }
}
