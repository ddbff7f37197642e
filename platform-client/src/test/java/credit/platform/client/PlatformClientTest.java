package credit.platform.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import credit.platform.client.lists.CreateRecordRequest;
import credit.platform.client.lists.ListDefinitionView;
import credit.platform.client.lists.RecordView;
import credit.platform.client.lists.SubjectNameDto;
import credit.platform.client.registry.CreateSubjectRequest;
import credit.platform.client.registry.SubjectView;
import credit.platform.client.scoring.ContributionView;
import credit.platform.client.scoring.ScoreView;
import credit.platform.client.travel.TravelCheckRequest;
import credit.platform.client.travel.TravelCheckResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class PlatformClientTest {

    static final String PROBLEM_JSON = "application/problem+json";
    static final String SUBJECT_JSON = """
            {"id":"sub-1","kind":"PERSON",
             "identifiers":[{"scheme":"RESIDENT_ID","value":"11010519491231002X","issuingCountry":"CHN"}],
             "name":"Zhang San","latinName":"ZHANG San","status":"ACTIVE","registrationRegion":"110105",
             "flaggedForReview":true,"version":3,"createdAt":"2026-03-01T08:15:30.123Z",
             "someFutureField":{"nested":[1,2]}}""";

    final JsonMapper json = JsonMapper.builder().build();
    StubPlatform platform;
    MutableClock clock;
    PlatformClient client;

    @BeforeEach
    void setUp() {
        platform = new StubPlatform();
        clock = new MutableClock(Instant.parse("2026-06-01T10:00:00Z"));
        client = PlatformClients.create(platform.properties(), clock);
    }

    @AfterEach
    void tearDown() {
        platform.close();
    }

    // --- tokens ---------------------------------------------------------------------------------

    @Test
    void aCallThatStatesNoPurposeSendsTheConfiguredDefaultAndAStatedOneWins() {
        platform.answerJson("GET", "/api/v1/subjects/sub-1", SUBJECT_JSON);
        PlatformClientProperties p = platform.properties();
        PlatformClient withDefault = PlatformClients.create(new PlatformClientProperties(p.gatewayUrl(), p.tokenUri(),
                p.clientId(), p.clientSecret(), "SUPERVISION"), clock);

        withDefault.registry().getSubject("sub-1");
        withDefault.registry().getSubject("sub-1", "ENFORCEMENT");

        assertThat(platform.calls()).extracting(StubPlatform.Call::purpose).containsExactly("SUPERVISION", "ENFORCEMENT");
    }

    @Test
    void withoutADefaultPurposeACallThatStatesNoneSendsNone() {
        platform.answerJson("GET", "/api/v1/subjects/sub-1", SUBJECT_JSON);

        client.registry().getSubject("sub-1");
        client.registry().getSubject("sub-1", "LICENSING");

        assertThat(platform.calls()).extracting(StubPlatform.Call::purpose).containsExactly(null, "LICENSING");
    }

    @Test
    void aTokenIsFetchedOnceWithClientCredentialsAndReused() {
        platform.answerJson("GET", "/api/v1/subjects/sub-1", SUBJECT_JSON);

        client.registry().getSubject("sub-1");
        client.registry().getSubject("sub-1");
        client.registry().getSubject("sub-1");

        assertThat(platform.tokensIssued()).isEqualTo(1);
        assertThat(platform.tokenRequestBodies()).singleElement().isEqualTo(
                "grant_type=client_credentials&client_id=court-demo&client_secret=s3cret%26%3D");
        assertThat(platform.calls()).hasSize(3)
                .allSatisfy(call -> assertThat(call.authorization()).isEqualTo("Bearer token-1"));
    }

    @Test
    void aTokenIsReplacedThirtySecondsBeforeItExpires() {
        platform.tokenLifetime(300);
        platform.answerJson("GET", "/api/v1/subjects/sub-1", SUBJECT_JSON);

        client.registry().getSubject("sub-1");
        clock.advance(Duration.ofSeconds(269));
        client.registry().getSubject("sub-1");
        clock.advance(Duration.ofSeconds(2));
        client.registry().getSubject("sub-1");

        assertThat(platform.calls()).extracting(StubPlatform.Call::authorization)
                .containsExactly("Bearer token-1", "Bearer token-1", "Bearer token-2");
    }

    @Test
    void concurrentCallersShareOneTokenFetch() throws Exception {
        platform.answerJson("GET", "/api/v1/subjects/sub-1", SUBJECT_JSON);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<SubjectView>> calls = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                calls.add(() -> client.registry().getSubject("sub-1"));
            }
            for (Future<SubjectView> result : pool.invokeAll(calls)) {
                assertThat(result.get().id()).isEqualTo("sub-1");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(platform.tokensIssued()).isEqualTo(1);
    }

    @Test
    void a401RefreshesTheTokenAndRetriesExactlyOnce() {
        platform.answer("GET", "/api/v1/subjects/sub-1", 401, PROBLEM_JSON, problem(401, "unauthenticated"),
                        Map.of("WWW-Authenticate", "Bearer error=\"invalid_token\""))
                .answerJson("GET", "/api/v1/subjects/sub-1", SUBJECT_JSON);

        SubjectView subject = client.registry().getSubject("sub-1");

        assertThat(subject.id()).isEqualTo("sub-1");
        assertThat(platform.tokensIssued()).isEqualTo(2);
        assertThat(platform.calls()).extracting(StubPlatform.Call::authorization)
                .containsExactly("Bearer token-1", "Bearer token-2");
    }

    @Test
    void a401OnAPostIsRetriedWithTheSameBodyAndANewToken() {
        platform.answer("POST", "/api/v1/subjects", 401, PROBLEM_JSON, problem(401, "unauthenticated"),
                        Map.of("WWW-Authenticate", "Bearer error=\"invalid_token\""))
                .answer("POST", "/api/v1/subjects", 201, "application/json", SUBJECT_JSON);

        SubjectView created = client.registry().createSubject(aPerson());

        assertThat(created.id()).isEqualTo("sub-1");
        assertThat(platform.calls()).hasSize(2);
        assertThat(platform.calls().get(1).authorization()).isEqualTo("Bearer token-2");
        assertThat(platform.calls().get(1).body()).isEqualTo(platform.calls().get(0).body()).isNotEmpty();
    }

    @Test
    void a401ThatPersistsAfterTheRefreshIsReportedAsUnauthenticated() {
        platform.answer("GET", "/api/v1/scores/sub-1", 401, PROBLEM_JSON, problem(401, "unauthenticated"));

        UnauthenticatedException e = catchThrowableOfType(UnauthenticatedException.class,
                () -> client.scoring().getScore("sub-1"));

        assertThat(e.status()).isEqualTo(401);
        assertThat(e.type()).isEqualTo("https://credit.example/problems/unauthenticated");
        assertThat(platform.calls()).hasSize(2);
        assertThat(platform.tokensIssued()).isEqualTo(2);
    }

    @Test
    void refusedClientCredentialsGiveATokenRequestException() {
        platform.failTokenRequests(401, """
                {"error":"invalid_client","error_description":"Invalid client or Invalid client credentials"}""");

        TokenRequestException e = catchThrowableOfType(TokenRequestException.class,
                () -> client.registry().getSubject("sub-1"));

        assertThat(e.status()).isEqualTo(401);
        assertThat(e.extensions()).containsEntry("error", "invalid_client");
        assertThat(platform.calls()).isEmpty();
    }

    @Test
    void anIdentityProviderThatIsAwayIsATypedErrorNamingItNotARefusal() throws Exception {
        int closed;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        String tokenUri = "http://127.0.0.1:" + closed + "/realms/credit/protocol/openid-connect/token";
        PlatformClient away = PlatformClients.create(new PlatformClientProperties(platform.gatewayUrl(), tokenUri,
                "court-demo", "secret"), clock);

        IdentityProviderUnavailableException e = catchThrowableOfType(IdentityProviderUnavailableException.class,
                () -> away.registry().getSubject("sub-1"));

        assertThat(e).isInstanceOf(TokenRequestException.class);
        assertThat(e.status()).isZero();
        assertThat(e.type()).isEqualTo("https://credit.example/problems/authorization-server-unavailable");
        assertThat(e.tokenUri()).hasToString(tokenUri);
        assertThat(e.getMessage()).contains("identity provider").contains(tokenUri).contains("could not be reached");
        assertThat(platform.calls()).isEmpty();
    }

    @Test
    void aTokenEndpointAnswering503IsTheIdentityProviderUnavailableWithItsStatus() {
        platform.failTokenRequests(503, "");

        IdentityProviderUnavailableException e = catchThrowableOfType(IdentityProviderUnavailableException.class,
                () -> client.registry().getSubject("sub-1"));

        assertThat(e.status()).isEqualTo(503);
        assertThat(e.type()).isEqualTo(IdentityProviderUnavailableException.TYPE);
        assertThat(e.getMessage()).contains("answered 503");
        assertThat(platform.calls()).isEmpty();
    }

    // --- problems -------------------------------------------------------------------------------

    @Test
    void a400IsAnInvalidRequestWithItsFieldErrors() {
        platform.answer("POST", "/api/v1/subjects", 400, PROBLEM_JSON, """
                {"type":"https://credit.example/problems/validation","title":"Invalid request","status":400,
                 "detail":"2 fields are invalid","instance":"/api/v1/subjects",
                 "errors":[{"field":"identifiers[0].value","rule":"CHECK_DIGIT","message":"check digit should be X"},
                           {"field":"name","rule":"NOT_BLANK","message":"must not be blank"}],
                 "traceId":"abc123"}""");

        InvalidRequestException e = catchThrowableOfType(InvalidRequestException.class,
                () -> client.registry().createSubject(aPerson()));

        assertThat(e.status()).isEqualTo(400);
        assertThat(e.type()).isEqualTo("https://credit.example/problems/validation");
        assertThat(e.title()).isEqualTo("Invalid request");
        assertThat(e.detail()).isEqualTo("2 fields are invalid");
        assertThat(e.instance()).isEqualTo("/api/v1/subjects");
        assertThat(e.errors()).containsExactly(
                new FieldError("identifiers[0].value", "CHECK_DIGIT", "check digit should be X"),
                new FieldError("name", "NOT_BLANK", "must not be blank"));
        assertThat(e.extensions()).containsExactly(Map.entry("traceId", "abc123"));
        assertThat(platform.calls()).hasSize(1);
    }

    @Test
    void a403IsForbidden() {
        platform.answer("POST", "/api/v1/lists/SAMR_ABNORMAL/records", 403, PROBLEM_JSON,
                problem(403, "list-not-owned"));

        ForbiddenException e = catchThrowableOfType(ForbiddenException.class,
                () -> client.lists().createRecord("SAMR_ABNORMAL", aRecord()));

        assertThat(e.type()).isEqualTo("https://credit.example/problems/list-not-owned");
        assertThat(platform.calls()).hasSize(1);
    }

    @Test
    void a404IsNotFound() {
        platform.answer("GET", "/api/v1/subjects/lookup", 404, PROBLEM_JSON, problem(404, "subject-not-found"));

        NotFoundException e = catchThrowableOfType(NotFoundException.class,
                () -> client.registry().lookup("RESIDENT_ID", "11010519491231002X"));

        assertThat(e.status()).isEqualTo(404);
        assertThat(e.detail()).isEqualTo("detail of subject-not-found");
        assertThat(e.errors()).isEmpty();
    }

    @Test
    void a409IsAConflictNamingTheExistingSubject() {
        platform.answer("POST", "/api/v1/subjects", 409, PROBLEM_JSON, """
                {"type":"https://credit.example/problems/duplicate-identifier","title":"Conflict","status":409,
                 "detail":"identifier already registered","existingSubjectId":"sub-42"}""");

        ConflictException e = catchThrowableOfType(ConflictException.class,
                () -> client.registry().createSubject(aPerson()));

        assertThat(e.existingSubjectId()).isEqualTo("sub-42");
        assertThat(e.extensions()).containsEntry("existingSubjectId", "sub-42");
    }

    @Test
    void a409WithoutExistingSubjectHasNone() {
        platform.answer("POST", "/api/v1/subjects", 409, PROBLEM_JSON, problem(409, "conflict"));

        ConflictException e = catchThrowableOfType(ConflictException.class,
                () -> client.registry().createSubject(aPerson()));

        assertThat(e.existingSubjectId()).isNull();
    }

    @Test
    void otherStatusesArePlatformProblems() {
        platform.answer("GET", "/api/v1/scores/sub-1", 503, PROBLEM_JSON, problem(503, "service-unavailable"));

        PlatformProblemException e = catchThrowableOfType(PlatformProblemException.class,
                () -> client.scoring().getScore("sub-1"));

        assertThat(e.getClass()).isEqualTo(PlatformProblemException.class);
        assertThat(e.status()).isEqualTo(503);
        assertThat(e.type()).isEqualTo("https://credit.example/problems/service-unavailable");
        assertThat(e).hasMessageContaining("503");
    }

    @Test
    void aNonJsonErrorBodyStillGivesATypedException() {
        platform.answer("GET", "/api/v1/subjects/sub-1", 404, "text/html", "<html><body>Not Found</body></html>");
        platform.answer("GET", "/api/v1/scores/sub-1", 502, null, null);

        NotFoundException notFound = catchThrowableOfType(NotFoundException.class,
                () -> client.registry().getSubject("sub-1"));
        PlatformProblemException badGateway = catchThrowableOfType(PlatformProblemException.class,
                () -> client.scoring().getScore("sub-1"));

        assertThat(notFound.status()).isEqualTo(404);
        assertThat(notFound.type()).isEqualTo("about:blank");
        assertThat(notFound.detail()).contains("Not Found");
        assertThat(notFound.errors()).isEmpty();
        assertThat(badGateway.status()).isEqualTo(502);
        assertThat(badGateway.detail()).isNull();
    }

    // --- requests and JSON shapes --------------------------------------------------------------------

    @Test
    void createSubjectSendsTheContractShapeAndReadsTheView() {
        platform.answer("POST", "/api/v1/subjects", 201, "application/json", SUBJECT_JSON);

        SubjectView subject = client.registry().createSubject(aPerson());

        StubPlatform.Call call = platform.calls().getFirst();
        assertThat(call.contentType()).startsWith("application/json");
        assertJsonEquals(call.body(), """
                {"kind":"PERSON",
                 "identifiers":[{"scheme":"RESIDENT_ID","value":"11010519491231002X","issuingCountry":"CHN"}],
                 "name":"Zhang San","latinName":"ZHANG San","registrationRegion":"110105"}""");
        assertThat(subject).isEqualTo(new SubjectView("sub-1", "PERSON",
                List.of(new IdentifierDto("RESIDENT_ID", "11010519491231002X", "CHN")), "Zhang San", "ZHANG San",
                "ACTIVE", "110105", true, 3, Instant.parse("2026-03-01T08:15:30.123Z")));
    }

    @Test
    void lookupSendsSchemeAndValueAsQueryParameters() {
        platform.answerJson("GET", "/api/v1/subjects/lookup", SUBJECT_JSON);

        client.registry().lookup("PASSPORT", "E 123/456+7");

        assertThat(platform.calls().getFirst().pathAndQuery())
                .isEqualTo("/api/v1/subjects/lookup?scheme=PASSPORT&value=E%20123/456%2B7");
        assertThat(platform.calls().getFirst().accept()).contains("application/json");
    }

    @Test
    void createRecordSendsDatesAsIsoDaysAndTheIdempotencyKey() {
        platform.answer("POST", "/api/v1/lists/SPC_DEBTORS/records", 201, "application/json", RECORD_JSON);

        RecordView record = client.lists().createRecord("SPC_DEBTORS", aRecord(), "key-7f3a");

        StubPlatform.Call call = platform.calls().getFirst();
        assertThat(call.idempotencyKey()).isEqualTo("key-7f3a");
        assertJsonEquals(call.body(), """
                {"subject":{"kind":"PERSON","scheme":"RESIDENT_ID","value":"11010519491231002X",
                            "issuingCountry":null,"name":"Zhang San"},
                 "caseNumber":"(2026)京0105执123号","legalGround":"SPC_REG_2017_ART1",
                 "facts":"Did not pay as ordered","effectiveFrom":"2026-01-15","effectiveUntil":null}""");
        assertThat(record).isEqualTo(expectedRecord());
    }

    @Test
    void createRecordWithoutKeySendsNoIdempotencyKey() {
        platform.answer("POST", "/api/v1/lists/SPC_DEBTORS/records", 201, "application/json", RECORD_JSON);

        client.lists().createRecord("SPC_DEBTORS", aRecord());

        assertThat(platform.calls().getFirst().idempotencyKey()).isNull();
    }

    @Test
    void recordsAndListsAreReadAsLists() {
        platform.answerJson("GET", "/api/v1/records", "[" + RECORD_JSON + "]")
                .answerJson("GET", "/api/v1/lists/SPC_DEBTORS/records/rec-1", RECORD_JSON)
                .answerJson("GET", "/api/v1/lists", """
                        [{"id":"SPC_DEBTORS","name":"Dishonest judgment debtors","kind":"BLACKLIST",
                          "issuingAuthority":"SPC","legalBasis":"SPC Provisions 2017","publicity":"PUBLIC",
                          "extra":true}]""");

        assertThat(client.lists().recordsOfSubject("sub-1")).containsExactly(expectedRecord());
        assertThat(client.lists().getRecord("SPC_DEBTORS", "rec-1")).isEqualTo(expectedRecord());
        assertThat(client.lists().listDefinitions()).containsExactly(new ListDefinitionView("SPC_DEBTORS",
                "Dishonest judgment debtors", "BLACKLIST", "SPC", "SPC Provisions 2017", "PUBLIC"));
        assertThat(platform.calls()).extracting(StubPlatform.Call::pathAndQuery).containsExactly(
                "/api/v1/records?subjectId=sub-1", "/api/v1/lists/SPC_DEBTORS/records/rec-1", "/api/v1/lists");
    }

    @Test
    void aScoreIsReadWithItsContributions() {
        platform.answerJson("GET", "/api/v1/scores/sub-1", """
                {"subjectId":"sub-1","modelId":"default","modelVersion":2,"basePoints":1000,"points":900,
                 "grade":"B","contributions":[{"ruleId":"LISTED_SPC_DEBTORS","sourceRef":"rec-1","points":-100,
                 "description":"On the SPC debtors list"}],"computedAt":"2026-06-01T09:59:59Z"}""");

        ScoreView score = client.scoring().getScore("sub-1");

        assertThat(score).isEqualTo(new ScoreView("sub-1", "default", 2, 1000, 900, "B",
                List.of(new ContributionView("LISTED_SPC_DEBTORS", "rec-1", -100, "On the SPC debtors list")),
                Instant.parse("2026-06-01T09:59:59Z")));
    }

    @Test
    void aTravelCheckSendsTheDepartureAsAnIsoInstant() {
        platform.answerJson("POST", "/api/v1/travel-checks", """
                {"passengerRef":"PNR-1","decision":"DENY","reasonCode":"LISTED_SPC_DEBTORS",
                 "issuingAuthority":"SPC","decisionReference":"dec-9","appealChannel":"https://court.example/appeal"}""");

        TravelCheckResult result = client.travel().check(new TravelCheckRequest("PNR-1",
                new IdentifierDto("RESIDENT_ID", "11010519491231002X", null), "Zhang San", "RAIL",
                "RAIL_BUSINESS", "G1", Instant.parse("2026-12-01T08:30:00Z")));

        assertJsonEquals(platform.calls().getFirst().body(), """
                {"passengerRef":"PNR-1",
                 "document":{"scheme":"RESIDENT_ID","value":"11010519491231002X","issuingCountry":null},
                 "name":"Zhang San","mode":"RAIL","serviceClass":"RAIL_BUSINESS","trainNumber":"G1",
                 "departure":"2026-12-01T08:30:00Z"}""");
        assertThat(result).isEqualTo(new TravelCheckResult("PNR-1", "DENY", "LISTED_SPC_DEBTORS", "SPC", "dec-9",
                "https://court.example/appeal"));
    }

    @Test
    void missingSettingsAreRejectedUpFront() {
        assertThatThrownBy(() -> PlatformClients.create(
                new PlatformClientProperties("http://localhost:8080", null, "court-demo", "secret")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tokenUri");
    }

    @Test
    void propertiesDoNotPrintTheSecret() {
        assertThat(platform.properties().toString()).doesNotContain("s3cret").contains("court-demo");
    }

    // --- test data ------------------------------------------------------------------------------

    static final String RECORD_JSON = """
            {"id":"rec-1","listId":"SPC_DEBTORS","listKind":"BLACKLIST","subjectId":"sub-1",
             "identifier":{"scheme":"RESIDENT_ID","value":"11010519491231002X","issuingCountry":null},
             "issuingAuthority":"SPC","legalBasis":"SPC Provisions 2017","caseNumber":"(2026)京0105执123号",
             "legalGround":"SPC_REG_2017_ART1","facts":"Did not pay as ordered","status":"ACTIVE",
             "effectiveFrom":"2026-01-15","effectiveUntil":"2028-01-14","version":1,
             "createdAt":"2026-01-15T02:00:00Z","publishedBy":"someone"}""";

    static RecordView expectedRecord() {
        return new RecordView("rec-1", "SPC_DEBTORS", "BLACKLIST", "sub-1",
                new IdentifierDto("RESIDENT_ID", "11010519491231002X", null), "SPC", "SPC Provisions 2017",
                "(2026)京0105执123号", "SPC_REG_2017_ART1", "Did not pay as ordered", "ACTIVE",
                LocalDate.of(2026, 1, 15), LocalDate.of(2028, 1, 14), 1, Instant.parse("2026-01-15T02:00:00Z"));
    }

    static CreateSubjectRequest aPerson() {
        return new CreateSubjectRequest("PERSON",
                List.of(new IdentifierDto("RESIDENT_ID", "11010519491231002X", "CHN")), "Zhang San", "ZHANG San",
                "110105");
    }

    static CreateRecordRequest aRecord() {
        return new CreateRecordRequest(
                new SubjectNameDto("PERSON", "RESIDENT_ID", "11010519491231002X", null, "Zhang San"),
                "(2026)京0105执123号", "SPC_REG_2017_ART1", "Did not pay as ordered", LocalDate.of(2026, 1, 15),
                null);
    }

    static String problem(int status, String name) {
        return """
                {"type":"https://credit.example/problems/%s","title":"Title of %s","status":%d,"detail":"detail of %s"}"""
                .formatted(name, name, status, name);
    }

    private void assertJsonEquals(String actual, String expected) {
        JsonNode actualTree = json.readTree(actual);
        JsonNode expectedTree = json.readTree(expected);
        assertThat(actualTree).isEqualTo(expectedTree);
    }
}
