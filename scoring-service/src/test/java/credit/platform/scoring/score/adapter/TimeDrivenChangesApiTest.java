package credit.platform.scoring.score.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Timestamp;
import credit.common.v1.SubjectKind;
import credit.platform.common.grpc.ServiceTokenSource;
import credit.platform.scoring.score.domain.ModelDefinition;
import credit.platform.scoring.score.domain.NextChange;
import credit.platform.scoring.score.domain.ScoreSchedule;
import credit.platform.scoring.score.domain.TimeDrivenRecompute;
import credit.platform.testsupport.FakeGrpcServer;
import credit.platform.testsupport.FixedServiceTokenSource;
import credit.platform.testsupport.MongoTestServer;
import credit.platform.testsupport.TestHttp;
import credit.platform.testsupport.TestTokens;
import credit.registry.v1.Permit;
import credit.registry.v1.PermitStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Time-driven score changes end to end in one Spring Boot app: MongoDB ({@link MongoTestServer}),
 * REST with JWT security, a clock the test moves, and {@link FakeRegistryService} /
 * {@link FakeListsService} standing in for the registry and lists services (the system tests run
 * the real ones). The scheduler is off ({@code credit.scoring.time-driven.interval: 0}); the test
 * drives {@link TimeDrivenRecompute} itself, as the scheduler would.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TimeDrivenChangesApiTest {

    static final TestTokens TOKENS = new TestTokens();
    static final FakeRegistryService REGISTRY = new FakeRegistryService();
    static final FakeListsService LISTS = new FakeListsService();
    static final FakeGrpcServer REGISTRY_SERVER = new FakeGrpcServer(REGISTRY);
    static final FakeGrpcServer LISTS_SERVER = new FakeGrpcServer(LISTS);
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String COMPANY = "subj-food-company";
    static final String FOOD_MODEL = "food-business-compliance";
    static final ZoneId CHINA = ModelDefinition.CHINA;
    static final MovableClock CLOCK = new MovableClock();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        MongoTestServer.register(registry, "scoring-time-test");
        registry.add("spring.grpc.server.port", () -> TestHttp.freePort());
        registry.add("spring.grpc.server.address", () -> "127.0.0.1");
        registry.add("spring.grpc.client.channel.registry.target", () -> "static://127.0.0.1:" + REGISTRY_SERVER.port());
        registry.add("spring.grpc.client.channel.lists.target", () -> "static://127.0.0.1:" + LISTS_SERVER.port());
        registry.add("credit.scoring.follow-changes", () -> "false");
        registry.add("credit.scoring.time-driven.interval", () -> "0");
    }

    /** A clock the test moves; the service's only clock. */
    static final class MovableClock extends Clock {
        volatile Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @TestConfiguration
    static class TestBeans {
        @Bean
        JwtDecoder jwtDecoder() {
            return TOKENS.jwtDecoder();
        }

        @Bean
        ServiceTokenSource serviceTokenSource() {
            return new FixedServiceTokenSource(TOKENS.token("credit-services", "registry.read lists.read platform.internal"));
        }

        /** Primary: the configuration's own clock bean (the system clock) is still defined. */
        @Bean
        @org.springframework.context.annotation.Primary
        Clock movableClock() {
            return CLOCK;
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    TimeDrivenRecompute timeDriven;

    @Autowired
    ScoreSchedule schedule;

    @Autowired
    Clock clock;

    TestHttp http;
    Instant start;
    /** The licence's last valid day is the day before; it stops being valid at 00:00 in Shanghai. */
    LocalDate lapseDay;
    Instant lapse;

    @BeforeEach
    void setUp() {
        assertThat(clock).isSameAs(CLOCK);
        http = new TestHttp("http://localhost:" + port);
        for (String c : List.of("score_history", "grade_changes", "current_grades", "counters", "score_schedule")) {
            mongo.getCollection(c).deleteMany(new Document());
        }
        CLOCK.now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        start = CLOCK.now;
        lapseDay = LocalDate.ofInstant(start, CHINA).plusDays(10);
        lapse = lapseDay.atStartOfDay(CHINA).toInstant();
        REGISTRY.subjects.clear();
        REGISTRY.permits.clear();
        LISTS.records.clear();
        REGISTRY.subjects.put(COMPANY, SubjectKind.SUBJECT_KIND_LEGAL_ENTITY);
        REGISTRY.grant(COMPANY, Permit.newBuilder().setPermitId("permit-food-1").setSubjectId(COMPANY)
                .setType("食品经营许可证").setNumber("JY1").setIssuingAuthority("市场监督管理局")
                .setValidFrom(ts(start.minus(Duration.ofDays(1800))))
                .setValidUntil(ts(lapse))
                .setStatus(PermitStatus.PERMIT_STATUS_VALID).build());
    }

    static Timestamp ts(Instant i) {
        return Timestamp.newBuilder().setSeconds(i.getEpochSecond()).setNanos(i.getNano()).build();
    }

    static String reader() {
        return TOKENS.token("credit-web", "scoring.read");
    }

    JsonNode get(String path) {
        TestHttp.Response r = http.get(path, reader());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    long count(String collection) {
        return mongo.getCollection(collection).countDocuments();
    }

    @Test
    void permitLapseIsStoredAtTheLapseInstantEmittedAsAGradeChangeAndAnsweredByDate() {
        assertThat(get("/api/v1/scores/" + COMPANY + "?model=" + FOOD_MODEL).get("grade").asString()).isEqualTo("A");
        Document planned = mongo.getCollection("score_schedule").find().first();
        assertThat(planned.getDate("nextChangeAt").toInstant()).isEqualTo(lapse);
        assertThat(planned.getString("what")).isEqualTo("permit:permit-food-1 lapsed");

        CLOCK.now = lapse.plus(Duration.ofDays(2)); // the job runs two days late
        assertThat(timeDriven.runDue(100)).isEqualTo(1);

        JsonNode newest = get("/api/v1/scores/" + COMPANY + "/history?model=" + FOOD_MODEL).get("entries").get(0);
        assertThat(Instant.parse(newest.get("computedAt").asString())).isEqualTo(lapse);
        assertThat(newest.get("grade").asString()).isEqualTo("B");
        assertThat(newest.get("cause").asString()).isEqualTo("time: permit:permit-food-1 lapsed at " + lapse);
        Document change = mongo.getCollection("grade_changes").find().sort(new Document("_id", -1)).first();
        assertThat(change.getString("previousGrade")).isEqualTo("A");
        assertThat(change.getString("grade")).isEqualTo("B");
        assertThat(change.getDate("occurredAt").toInstant()).isEqualTo(lapse);
        assertThat(change.getString("cause")).isEqualTo(newest.get("cause").asString());

        String asOf = "/api/v1/scores/" + COMPANY + "?model=" + FOOD_MODEL + "&asOf=";
        assertThat(get(asOf + lapseDay.minusDays(1)).get("grade").asString()).isEqualTo("A");
        assertThat(get(asOf + lapseDay).get("grade").asString()).isEqualTo("B");
        assertThat(get(asOf + lapse.minusSeconds(1)).get("grade").asString()).isEqualTo("A");
    }

    @Test
    void runningTwiceStoresTheLapseOnce() {
        get("/api/v1/scores/" + COMPANY + "?model=" + FOOD_MODEL);
        CLOCK.now = lapse.plus(Duration.ofDays(2));

        assertThat(timeDriven.runDue(100)).isEqualTo(1);
        assertThat(timeDriven.runDue(100)).isZero();

        assertThat(count("score_history")).isEqualTo(2);
        assertThat(count("grade_changes")).isEqualTo(2);
    }

    @Test
    void nothingDueWritesNothing() {
        get("/api/v1/scores/" + COMPANY + "?model=" + FOOD_MODEL);
        Document before = mongo.getCollection("score_schedule").find().first();
        CLOCK.now = lapse.minusMillis(1);

        assertThat(timeDriven.runDue(100)).isZero();

        assertThat(count("score_history")).isEqualTo(1);
        assertThat(count("grade_changes")).isEqualTo(1);
        assertThat(mongo.getCollection("score_schedule").find().first()).isEqualTo(before);
    }

    @Test
    void aClaimIsACompareAndSetOnTheDueInstantThatOnlyItsTokenReleases() {
        Instant now = CLOCK.instant();
        schedule.plan("s-1", "m", new NextChange(now.minusSeconds(5), "permit:p lapsed"), now);
        ScoreSchedule.Due due = schedule.dueBy(now, 10).getFirst();

        var first = schedule.claim(due, now, Duration.ofMinutes(5));
        assertThat(first).isPresent();
        assertThat(schedule.claim(due, now, Duration.ofMinutes(5))).isEmpty();
        assertThat(schedule.dueBy(now, 10)).isEmpty();
        // an event's plan does not overwrite a live claim; a stale token releases nothing
        schedule.plan("s-1", "m", new NextChange(now.plusSeconds(60), "other"), now);
        schedule.release(due, "not-the-token", null);
        assertThat(schedule.find("s-1", "m")).get().extracting(ScoreSchedule.Due::at).isEqualTo(due.at());

        schedule.release(due, first.get(), new NextChange(now.plusSeconds(30), "decay of list-record:r"));
        assertThat(schedule.find("s-1", "m")).get().extracting(ScoreSchedule.Due::what)
                .isEqualTo("decay of list-record:r");
        assertThat(schedule.claim(due, now, Duration.ofMinutes(5))).as("the instant has moved on").isEmpty();
        // a version published later brings a later or empty plan forward, never an earlier one
        schedule.plan("s-2", "m", null, now);
        schedule.plan("s-3", "m", new NextChange(now.plusSeconds(5), "earlier"), now);
        schedule.bringForward("m", now.plusSeconds(10), "model m v2 takes effect", now);
        assertThat(schedule.find("s-1", "m").orElseThrow().at()).isEqualTo(now.plusSeconds(10));
        assertThat(schedule.find("s-2", "m").orElseThrow().what()).isEqualTo("model m v2 takes effect");
        assertThat(schedule.find("s-3", "m").orElseThrow().what()).isEqualTo("earlier");
        assertThat(mongo.getCollection("score_schedule").listIndexes().into(new java.util.ArrayList<>()))
                .anySatisfy(i -> assertThat(i.get("key", Document.class)).containsKey("nextChangeAt"));
    }
}
