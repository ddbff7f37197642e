package credit.platform.gateway.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import credit.platform.gateway.security.RouteScopes;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;

/**
 * The request view's rules, directly: which paths are canonical, how the query is decoded (once),
 * which line of the route table a request falls under and what that line decides (access kind,
 * single or batch, budget), and which subjects the route and query name, in canonical form.
 */
class RequestViewsTest {

    static final LocalDate TODAY = LocalDate.of(2026, 5, 1);
    static final String DEMO_ID = "11010519491231002X";

    static RequestViews.Outcome get(String rawPath, String rawQuery) {
        return RequestViews.build(new RequestViews.RawRequest("GET", rawPath, rawQuery, List.of(), null, -1, false,
                "127.0.0.1"), TODAY);
    }

    static RequestView accepted(RequestViews.Outcome outcome) {
        assertThat(outcome).isInstanceOf(RequestViews.Accepted.class);
        return ((RequestViews.Accepted) outcome).view();
    }

    static RequestViews.Refused refused(RequestViews.Outcome outcome) {
        assertThat(outcome).isInstanceOf(RequestViews.Refused.class);
        return (RequestViews.Refused) outcome;
    }

    @ParameterizedTest(name = "{0} is refused: {1}")
    @CsvSource({
            "/api/v1/%73ubjects/lookup, percent-encoding",
            "/api/%761/subjects/s-1, percent-encoding",
            "/api/v1/subjects%2Fs-1, percent-encoding",
            "/api/v1/./subjects/s-1, dot-segment",
            "/api/v1/x/../subjects/s-1, dot-segment",
            "/api/v1/subjects/s-1/.., dot-segment",
            "/api/v1//subjects/s-1, empty-segment",
            "//api/v1/subjects/s-1, empty-segment",
            "/api/v1/subjects/s-1/, empty-segment",
            "/api/v1/subjects;v=1/s-1, matrix-parameter",
            "/api/v1/subjects/s-1;jsessionid=x, matrix-parameter",
            "/api/v1/subjects/s\\1, character",
            "/api/v1/subjects/s:1, character",
            "/api/v1/subjects/s 1, character",
            "/api/v1/subjects/ｓ-1, character"})
    void nonCanonicalPathsAreRefusedBeforeAnythingElse(String path, String rule) {
        RequestViews.Refused refusal = refused(get(path, null));
        assertThat(refusal.status()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refusal.type()).isEqualTo("non-canonical-path");
        assertThat(refusal.field()).isEqualTo("path");
        assertThat(refusal.rule()).isEqualTo(rule);
    }

    @Test
    void anOverlongPathIs414() {
        assertThat(refused(get("/api/v1/subjects/" + "a".repeat(3000), null)).status())
                .isEqualTo(HttpStatus.URI_TOO_LONG);
    }

    @Test
    void upperCaseTricksMatchNoLineSoTheyAreDenied() {
        for (String path : List.of("/API/v1/subjects/s-1", "/api/V1/subjects/s-1", "/api/v1/Subjects/s-1",
                "/api/v1/SUBJECTS/lookup")) {
            assertThat(accepted(get(path, null)).route()).as(path).isEmpty();
        }
    }

    @Test
    void queryValuesAreDecodedExactlyOnce() {
        RequestView view = accepted(get("/api/v1/records", "subjectId=a%25b&note=x+y%2Bz&empty"));
        assertThat(view.query()).containsEntry("subjectId", "a%b").containsEntry("note", "x y+z")
                .containsEntry("empty", "");
        assertThat(view.subjects()).containsExactly(new SubjectRef.SubjectId("a%b"));
    }

    @ParameterizedTest(name = "?{0} is refused: {1}")
    @CsvSource(delimiter = '|', value = {
            "subjectId=%zz|percent-encoding",
            "subjectId=50%|percent-encoding",
            "subjectId=%4|percent-encoding",
            "subjectId=%C3%28|utf-8",
            "subjectId=a&subjectId=b|single",
            "subjectId=a&subject%49d=b|single",
            "=x|name"})
    void malformedOrAmbiguousQueriesAreRefused(String query, String rule) {
        RequestViews.Refused refusal = refused(get("/api/v1/records", query));
        assertThat(refusal.status()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refusal.type()).isEqualTo("malformed-query");
        assertThat(refusal.rule()).isEqualTo(rule);
    }

    @Test
    void theRouteLineDecidesAccessBudgetAndSingleOrBatch() {
        record Case(String method, String path, AccessKind access, String service, String unused) {
        }
        List<Case> cases = List.of(
                new Case("GET", "/api/v1/subjects/s-1", AccessKind.PERSON_READ, "registry", "default"),
                new Case("GET", "/api/v1/subjects/s-1/history", AccessKind.PERSON_READ, "registry", "default"),
                new Case("GET", "/api/v1/subjects/lookup", AccessKind.PERSON_READ, "registry", "default"),
                new Case("POST", "/api/v1/subjects", AccessKind.PERSON_WRITE, "registry", "default"),
                new Case("POST", "/api/v1/subjects/imports", AccessKind.PERSON_WRITE, "registry-imports", "default"),
                new Case("POST", "/api/v1/subjects/s-1/permits", AccessKind.PERSON_WRITE, "registry", "default"),
                new Case("GET", "/api/v1/lists", AccessKind.NONE, "lists", "default"),
                new Case("GET", "/api/v1/lists/spc-dishonest-debtors", AccessKind.NONE, "lists", "default"),
                new Case("GET", "/api/v1/lists/L/records", AccessKind.PERSON_READ, "lists", "default"),
                new Case("GET", "/api/v1/lists/L/records/r-1", AccessKind.PERSON_READ, "lists", "default"),
                new Case("GET", "/api/v1/lists/L/records/r-1/applications", AccessKind.PERSON_READ, "lists", "default"),
                new Case("POST", "/api/v1/lists/L/records", AccessKind.PERSON_WRITE, "lists", "default"),
                new Case("POST", "/api/v1/lists/L/records/r-1/removal", AccessKind.PERSON_WRITE, "lists", "default"),
                new Case("GET", "/api/v1/records", AccessKind.PERSON_READ, "lists", "default"),
                new Case("GET", "/api/v1/records/public", AccessKind.NONE, "lists", "default"),
                new Case("GET", "/api/v1/scores/s-1", AccessKind.PERSON_READ, "scoring", "default"),
                new Case("GET", "/api/v1/scores/models", AccessKind.NONE, "scoring", "default"),
                new Case("GET", "/api/v1/scores/public/companies/91350100M000100Y43/grade", AccessKind.NONE, "scoring",
                        "anonymous"),
                new Case("POST", "/api/v1/travel-checks", AccessKind.TRAVEL_CHECK, "sanctions", "anonymous"),
                new Case("POST", "/api/v1/travel-checks/batch", AccessKind.TRAVEL_CHECK_BATCH, "sanctions-batch",
                        "anonymous"),
                new Case("POST", "/api/v1/eligibility-checks", AccessKind.PERSON_CHECK, "eligibility", "anonymous"));
        for (Case c : cases) {
            RequestView view = accepted(RequestViews.build(new RequestViews.RawRequest(c.method(), c.path(), null,
                    List.of(), null, -1, false, "10.0.0.1"), TODAY));
            assertThat(view.access()).as(c.toString()).isEqualTo(c.access());
            assertThat(view.service()).as(c.toString()).contains(c.service());
            // before the caller is known, every request counts as anonymous (by address)
            assertThat(view.budget()).as(c.toString()).isEqualTo("anonymous");
            assertThat(view.budgetKey()).isEqualTo("address:10.0.0.1");
        }
        assertThat(RouteScopes.match("POST", "/api/v1/travel-checks").orElseThrow().budget()).isEqualTo("travel-check");
        assertThat(RouteScopes.match("POST", "/api/v1/travel-checks/batch").orElseThrow().budget())
                .isEqualTo("travel-check");
    }

    @Test
    void theRouteAndQueryNameTheirSubjects() {
        assertThat(accepted(get("/api/v1/subjects/s-1", null)).subjects())
                .containsExactly(new SubjectRef.SubjectId("s-1"));
        assertThat(accepted(get("/api/v1/scores/s-2", null)).subjects())
                .containsExactly(new SubjectRef.SubjectId("s-2"));
        assertThat(accepted(get("/api/v1/lists/L/records/r-4", null)).subjects())
                .containsExactly(new SubjectRef.RecordId("r-4"));
        assertThat(accepted(get("/api/v1/records", "subjectId=s-3")).subjects())
                .containsExactly(new SubjectRef.SubjectId("s-3"));
        // no person data, no subject
        assertThat(accepted(get("/api/v1/lists/L", null)).subjects()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "11010519491231002X", "11010519491231002x", "110105-19491231-002X", "110105 19491231 002x",
            "１１０１０５１９４９１２３１００２Ｘ", "110105491231002"})
    void everySpellingOfAnIdentifierNamesTheSamePerson(String spelling) {
        RequestView view = accepted(get("/api/v1/subjects/lookup",
                "scheme=resident_id&value=" + URLEncoder.encode(spelling, StandardCharsets.UTF_8)));
        assertThat(view.subjects()).containsExactly(new SubjectRef.IdentifierKey("RESIDENT_ID", "RESIDENT_ID:" + DEMO_ID));
        assertThat(view.subjects().getFirst().toString()).doesNotContain("1101");
    }

    @Test
    void aBodyThatIsNotJsonIs415WhereTheRouteTakesJson() {
        for (String type : List.of("text/plain", "application/xml", "text/xml", "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x", "application/*", "*/*", "not a media type")) {
            RequestViews.Refused refusal = refused(post("/api/v1/travel-checks", type));
            assertThat(refusal.status()).as(type).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
            assertThat(refusal.field()).isEqualTo("Content-Type");
        }
        refused(RequestViews.build(new RequestViews.RawRequest("POST", "/api/v1/subjects", null, List.of(), null, -1,
                true, "a"), TODAY));
        for (String type : List.of("application/json", "application/json;charset=UTF-8", "APPLICATION/JSON",
                "application/merge-patch+json")) {
            accepted(post("/api/v1/travel-checks", type));
        }
        // a bulk import takes any file format; a POST without a body needs no type
        accepted(post("/api/v1/subjects/imports", "text/csv"));
        accepted(RequestViews.build(new RequestViews.RawRequest("POST", "/api/v1/scores/models/m/recompute", null,
                List.of(), null, 0, false, "a"), TODAY));
    }

    @Test
    void thePurposeHeaderIsParsedOnceAndSentOnce() {
        RequestView view = accepted(RequestViews.build(new RequestViews.RawRequest("GET", "/api/v1/subjects/s", null,
                List.of("objection-review"), null, -1, false, "a"), TODAY));
        assertThat(view.purpose().value()).contains(Purpose.OBJECTION_REVIEW);
        assertThat(accepted(RequestViews.build(new RequestViews.RawRequest("GET", "/api/v1/subjects/s", null,
                List.of("curiosity"), null, -1, false, "a"), TODAY)).purpose().invalid()).isTrue();
        RequestViews.Refused twice = refused(RequestViews.build(new RequestViews.RawRequest("GET",
                "/api/v1/subjects/s", null, List.of("ENFORCEMENT", "LICENSING"), null, -1, false, "a"), TODAY));
        assertThat(twice.field()).isEqualTo("X-Purpose");
        assertThat(twice.rule()).isEqualTo("single");
    }

    static RequestViews.Outcome post(String path, String contentType) {
        return RequestViews.build(new RequestViews.RawRequest("POST", path, null, List.of(), contentType, 20, false,
                "a"), TODAY);
    }

    // ---------------------------------------------------------------- properties

    @Provide
    Arbitrary<String> canonicalPaths() {
        Arbitrary<String> segment = Arbitraries.strings().withChars("abcXYZ019-._~").ofMinLength(1).ofMaxLength(8)
                .filter(s -> !s.equals(".") && !s.equals(".."));
        Arbitrary<String> tail = segment.list().ofMinSize(0).ofMaxSize(4).map(l -> String.join("/", l));
        return Arbitraries.of("/api/v1/subjects", "/api/v1/lists", "/api/v1/records", "/api/v1/scores",
                "/api/v1/travel-checks", "/api/v1/eligibility-checks", "/api/v1/audit", "/actuator/health")
                .flatMap(prefix -> tail.map(t -> t.isEmpty() ? prefix : prefix + "/" + t));
    }

    /**
     * A canonical path is accepted, and the route table matches its raw form exactly as Spring's
     * path matching (which decodes segments and strips matrix parameters) matches it: nothing to
     * decode, nothing to disagree on.
     */
    @Property(tries = 400)
    void aCanonicalPathMeansTheSameToEveryMatcher(@ForAll("canonicalPaths") String path) {
        RequestView view = accepted(get(path, null));
        PathContainer decoded = PathContainer.parsePath(path);
        String decodedValue = decoded.elements().stream()
                .map(e -> e instanceof PathContainer.PathSegment s ? s.valueToMatch() : e.value())
                .collect(Collectors.joining());
        assertThat(decodedValue).isEqualTo(path);
        Optional<RouteScopes.RouteScope> springMatch = RouteScopes.ALL.stream()
                .filter(l -> l.method().name().equals("GET") && l.pattern().matches(decoded)).findFirst();
        assertThat(view.route()).isEqualTo(springMatch);
    }

    /** Percent-encoding any one character of a canonical path (either case of hex) is refused. */
    @Property(tries = 400)
    void anyPercentEncodedCharacterIsRefused(@ForAll("canonicalPaths") String path,
            @ForAll @IntRange(min = 0, max = 200) int at, @ForAll boolean lowerHex) {
        int index = 1 + at % (path.length() - 1);
        String hex = String.format(lowerHex ? "%%%02x" : "%%%02X", (int) path.charAt(index));
        String encoded = path.substring(0, index) + hex + path.substring(index + 1);
        assertThat(refused(get(encoded, null)).rule()).isIn("percent-encoding");
    }

    @Provide
    Arbitrary<Map<String, String>> parameters() {
        Arbitrary<String> names = Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(6);
        Arbitrary<String> values = Arbitraries.strings().all().ofMaxLength(12)
                .filter(s -> StandardCharsets.UTF_8.newEncoder().canEncode(s));
        return Arbitraries.maps(names, values).ofMaxSize(6);
    }

    /**
     * Differential: the one-pass decoder against the JDK's form decoder on queries a client builds
     * with the JDK's encoder — every name and value comes back exactly as sent, decoded once.
     */
    @Property(tries = 400)
    void theQueryDecoderAgreesWithTheReferenceDecoder(@ForAll("parameters") Map<String, String> sent) throws Exception {
        String raw = sent.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        Map<String, String> reference = new LinkedHashMap<>();
        if (!raw.isEmpty()) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                reference.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        assertThat(RequestViews.query(raw)).isEqualTo(reference).isEqualTo(sent);
    }
}
