package credit.platform.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import credit.platform.client.IdentifierDto;
import credit.platform.client.lists.CreateRecordRequest;
import credit.platform.client.lists.RecordView;
import credit.platform.client.lists.SubjectNameDto;
import credit.platform.client.registry.CreateSubjectRequest;
import credit.platform.common.security.ProtoScopeAuthorizationManager;
import io.grpc.CallOptions;
import io.grpc.ClientCall;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The attacker's probes against the running platform (real Keycloak, real processes): path tricks,
 * forged and mis-scoped tokens, content types and malformed or oversize bodies, the services' own
 * ports (REST and gRPC, internal RPCs with agency and operator tokens), cross-agency writes,
 * identifier spellings against the person's access log, an anonymous flood. Each probe asserts the
 * exact status, that the audit chain grew by exactly what it must (read from the chain's head, which
 * the auditor reads without being audited), and for writes that nothing changed (read back).
 *
 * <p>The table of every probe (probe → expected → seen) is written to
 * {@code target/attack-suite.md}; with {@code -Dattack.docs=write} it also replaces the table in
 * {@code docs/security.md} between its markers.
 */
@ExtendWith(PlatformExtension.class)
class AttackSuiteIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String CITIZEN = "11010519491231002X";
    private static final String LOOKUP = "/api/v1/subjects/lookup?scheme=RESIDENT_ID&value=" + CITIZEN;
    private static final String TRAVEL_BODY = "{\"passengerRef\":\"PNR-A\",\"document\":{\"type\":\"RESIDENT_ID\","
            + "\"number\":\"" + CITIZEN + "\"},\"mode\":\"AIR\",\"serviceClass\":\"AIR_ECONOMY\"}";
    private static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization",
            Metadata.ASCII_STRING_MARSHALLER);

    /** One row of the table. */
    record Row(String category, String probe, String expected, String seen) {
        boolean ok() {
            return expected.equals(seen);
        }
    }

    private static final List<Row> ROWS = java.util.Collections.synchronizedList(new ArrayList<>());
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    private static String token(TestPlatform platform, String client) {
        return TOKENS.computeIfAbsent(client, platform::clientCredentialsToken);
    }

    // --- path tricks ----------------------------------------------------------------------------

    @Test
    void pathTricksAreRefusedBeforeAnythingLooksAtThemAndNothingIsRecorded(TestPlatform platform) throws Exception {
        String admin = token(platform, "platform-admin");
        List<String> targets = List.of(LOOKUP, "/api/v1/records?subjectId=s-1", "/api/v1/scores/s-1",
                "/api/v1/lists/spc-dishonest-debtors/records", "/api/v1/subjects/s-1");
        for (String target : targets) {
            String path = target.contains("?") ? target.substring(0, target.indexOf('?')) : target;
            String query = target.contains("?") ? target.substring(target.indexOf('?')) : "";
            String resource = path.split("/")[3]; // subjects, records, scores, lists
            String rest = path.substring(("/api/v1/" + resource).length());
            Map<String, String> variants = new LinkedHashMap<>();
            variants.put("percent-encoded letter", "/api/v1/%" + Integer.toHexString(resource.charAt(0)) + resource.substring(1) + rest);
            variants.put("encoded version", "/api/%761/" + resource + rest);
            variants.put("dot segment", "/api/v1/./" + resource + rest);
            variants.put("dot-dot segment", "/api/v1/x/../" + resource + rest);
            variants.put("encoded dot-dot", "/api/v1/x/%2e%2e/" + resource + rest);
            variants.put("encoded slash", "/api/v1%2F" + resource + rest);
            variants.put("matrix parameter", "/api/v1/" + resource + ";a=b" + rest);
            variants.put("double slash", "/api/v1//" + resource + rest);
            variants.put("trailing slash", path + "/");
            variants.put("encoded NUL", "/api/v1/" + resource + "%00" + rest);
            variants.put("upper-case prefix", "/API/v1/" + resource + rest);
            for (Map.Entry<String, String> v : variants.entrySet()) {
                int expected = v.getKey().equals("upper-case prefix") ? 403 : 400;
                rest(platform, "path tricks", v.getKey() + ": GET " + v.getValue() + query,
                        request(platform, "GET", v.getValue() + query, admin, null, null, "SUPERVISION"),
                        expected, expected == 400 ? "non-canonical-path" : "forbidden", 0);
            }
        }
        assertAllOk("path tricks");
    }

    // --- tokens ----------------------------------------------------------------------------------

    @Test
    void forgedTokensAreUnauthenticatedEverywhere(TestPlatform platform) throws Exception {
        String real = token(platform, "platform-admin");
        Map<String, Object> claims = claims(real);
        String kid = header(real).path("kid").asString();
        KeyPair attacker = KeyPairGenerator.getInstance("RSA").generateKeyPair();
        long now = Instant.now().getEpochSecond();

        Map<String, String> forged = new LinkedHashMap<>();
        forged.put("alg none", unsigned(Map.of("alg", "none", "typ", "JWT"), claims));
        forged.put("HS256 keyed with the kid", hs256(Map.of("alg", "HS256", "typ", "JWT", "kid", kid), claims, kid));
        forged.put("RS256 under an unknown kid", rs256(attacker, "attacker-key", claims));
        forged.put("RS256 under the realm's kid, another key", rs256(attacker, kid, claims));
        forged.put("expired (re-signed)", rs256(attacker, kid, with(claims, "exp", now - 3600)));
        forged.put("other audience (re-signed)", rs256(attacker, kid, with(claims, "aud", "another-platform")));
        forged.put("other issuer (re-signed)", rs256(attacker, kid, with(claims, "iss", "http://evil.example/realms/credit")));
        forged.put("one signature character changed", real.substring(0, real.length() - 5)
                + (real.charAt(real.length() - 5) == 'A' ? 'B' : 'A') + real.substring(real.length() - 4));
        forged.put("not a JWT", "not-a-token");
        forged.put("claims with the signature cut off", real.substring(0, real.lastIndexOf('.') + 1));

        List<String[]> routes = List.of(new String[] {"GET", LOOKUP, null},
                new String[] {"GET", "/api/v1/records?subjectId=s-1", null},
                new String[] {"POST", "/api/v1/travel-checks", TRAVEL_BODY},
                new String[] {"GET", "/api/v1/audit/verify", null});
        for (Map.Entry<String, String> f : forged.entrySet()) {
            for (String[] r : routes) {
                rest(platform, "forged tokens", f.getKey() + ": " + r[0] + " " + r[1],
                        request(platform, r[0], r[1], f.getValue(), r[2], r[2] == null ? null : "application/json",
                                "SUPERVISION"), 401, "unauthenticated", 0);
            }
        }
        // the gRPC front door: the same forgeries
        int grpc = platform.config().app("gateway").grpcPort();
        MethodDescriptor<?, ?> checkTravel = credit.sanctions.v1.TravelCheckServiceGrpc.getCheckTravelMethod();
        for (String kind : List.of("alg none", "HS256 keyed with the kid", "RS256 under an unknown kid",
                "expired (re-signed)", "other audience (re-signed)")) {
            grpc(platform, "forged tokens", kind + ": gRPC front door CheckTravel", grpc, checkTravel, forged.get(kind),
                    Status.Code.UNAUTHENTICATED, 0);
        }
        assertAllOk("forged tokens");
    }

    @Test
    void misScopedTokensAreForbiddenAndNothingIsRecorded(TestPlatform platform) throws Exception {
        record Case(String client, String method, String path, String body) {
        }
        List<Case> cases = List.of(
                new Case("airline-demo", "GET", LOOKUP, null),
                new Case("airline-demo", "GET", "/api/v1/records?subjectId=s-1", null),
                new Case("airline-demo", "POST", "/api/v1/lists/spc-dishonest-debtors/records", "{}"),
                new Case("court-demo", "POST", "/api/v1/travel-checks", TRAVEL_BODY),
                new Case("court-demo", "POST", "/api/v1/subjects", "{}"),
                new Case("court-demo", "GET", "/api/v1/audit/verify", null),
                new Case("registrar-demo", "POST", "/api/v1/lists/spc-dishonest-debtors/records", "{}"),
                new Case("registrar-demo", "GET", "/api/v1/scores/s-1", null),
                new Case("auditor-demo", "GET", LOOKUP, null),
                new Case("procurement-demo", "POST", "/api/v1/travel-checks", TRAVEL_BODY),
                new Case("rail-demo", "POST", "/api/v1/scores/models", "{}"),
                new Case("samr-demo", "GET", "/api/v1/me/access-log", null));
        for (Case c : cases) {
            rest(platform, "mis-scoped tokens", c.client() + ": " + c.method() + " " + c.path(),
                    request(platform, c.method(), c.path(), token(platform, c.client()), c.body(),
                            c.body() == null ? null : "application/json", "SUPERVISION"), 403, "forbidden", 0);
        }
        String citizen = platform.citizenToken();
        for (String path : List.of(LOOKUP, "/api/v1/lists/spc-dishonest-debtors/records", "/api/v1/audit/verify")) {
            rest(platform, "mis-scoped tokens", "citizen: GET " + path,
                    request(platform, "GET", path, citizen, null, null, "SUPERVISION"), 403, "forbidden", 0);
        }
        // the gRPC front door: every RPC it passes, with every client of the realm that lacks the RPC's
        // scope (read from the token, not assumed) and with a citizen's token
        int front = platform.config().app("gateway").grpcPort();
        int probed = 0;
        for (MethodDescriptor<?, ?> rpc : SecurityMatrixIT.allRpcs()) {
            if (!rpc.getServiceName().startsWith("credit.sanctions.") || ProtoScopeAuthorizationManager.serviceOnly(rpc)) {
                continue;
            }
            String scope = ProtoScopeAuthorizationManager.requiredScope(rpc).orElseThrow();
            for (String client : SecurityMatrixIT.serviceClientIds()) {
                String token = token(platform, client);
                Set<String> held = SecurityMatrixIT.scopes(token);
                if (held.contains(scope) || held.contains("platform.admin")) {
                    continue;
                }
                grpc(platform, "mis-scoped tokens", client + " (no " + scope + ") on the gRPC front door: "
                        + rpc.getFullMethodName(), front, rpc, token, Status.Code.PERMISSION_DENIED, 0);
                probed++;
            }
            grpc(platform, "mis-scoped tokens", "citizen on the gRPC front door: " + rpc.getFullMethodName(), front, rpc,
                    citizen, Status.Code.PERMISSION_DENIED, 0);
        }
        assertThat(probed).as("clients without a front-door scope probed on the gRPC port").isGreaterThan(10);
        assertAllOk("mis-scoped tokens");
    }

    // --- bodies and content types ---------------------------------------------------------------

    @Test
    void badContentTypesMalformedAndOversizeBodiesAreClearProblems(TestPlatform platform) throws Exception {
        String airline = token(platform, "airline-demo");
        for (String type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x", "application/octet-stream")) {
            rest(platform, "bodies", "travel check as " + type,
                    request(platform, "POST", "/api/v1/travel-checks", airline, TRAVEL_BODY, type, null),
                    415, "unsupported-media-type", 0);
        }
        rest(platform, "bodies", "travel check over 1 MB",
                request(platform, "POST", "/api/v1/travel-checks", airline,
                        "{\"passengerRef\":\"" + "x".repeat(1_100_000) + "\"}", "application/json", null),
                413, "request-too-large", 0);
        String admin = token(platform, "platform-admin");
        rest(platform, "bodies", "lookup with a parameter given twice",
                request(platform, "GET", LOOKUP + "&value=" + CITIZEN, admin, null, null, "SUPERVISION"),
                400, "malformed-query", 0);
        rest(platform, "bodies", "lookup with bytes that are not UTF-8",
                request(platform, "GET", "/api/v1/subjects/lookup?scheme=RESIDENT_ID&value=%C3%28", admin, null, null,
                        "SUPERVISION"), 400, "malformed-query", 0);
        rest(platform, "bodies", "read of person data without X-Purpose",
                request(platform, "GET", LOOKUP, admin, null, null, null), 400, "purpose-required", 0);
        rest(platform, "bodies", "read of person data with an unknown purpose",
                request(platform, "GET", LOOKUP, admin, null, null, "CURIOSITY"), 400, "purpose-required", 0);
        assertAllOk("bodies");
    }

    // --- body shapes: whose travel check is it? -------------------------------------------------------

    /** The listed traveller of the body-shape probes (realm user {@code traveller-probe-demo}). */
    private static final String TRAVELLER = "110105198001011238";
    /** The decoy: another realm user ({@code citizen2-demo}), not listed; their log must never gain a DENY. */
    private static final String DECOY = "310104198005121232";

    private static String document(String number) {
        return "{\"type\":\"RESIDENT_ID\",\"number\":\"" + number + "\"}";
    }

    private static String check(String passengerRef, String document) {
        return "{\"passengerRef\":\"" + passengerRef + "\",\"document\":" + document
                + ",\"mode\":\"AIR\",\"serviceClass\":\"AIR_ECONOMY\"}";
    }

    @Test
    void aTravelChecksShapeNeverMovesItsDenyToAnotherPerson(TestPlatform platform) throws Exception {
        platform.clientFor("registrar-demo").registry().createSubject(new CreateSubjectRequest("PERSON",
                List.of(new IdentifierDto("RESIDENT_ID", TRAVELLER, null)), "孙十一", null, null));
        platform.clientFor("court-demo").lists().createRecord("spc-dishonest-debtors",
                new CreateRecordRequest(new SubjectNameDto("PERSON", "RESIDENT_ID", TRAVELLER, null, "孙十一"),
                        "(2026)京0105执978号", "有履行能力而拒不履行生效法律文书确定义务",
                        "System test: attack suite, body shapes", LocalDate.now(ZoneId.of("Asia/Shanghai")), null));
        String airline = token(platform, "airline-demo");
        String real = check("PNR-REAL", document(TRAVELLER));
        org.awaitility.Awaitility.await("the listing reaches the travel check").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(300)).ignoreExceptions()
                .until(() -> JSON.readTree(request(platform, "POST", "/api/v1/travel-checks", airline, real,
                        "application/json", null).response().body()).path("decision").asString().equals("DENY"));
        Logs logs = new Logs(platform);

        String decoyCheck = check("PNR-DECOY", document(DECOY));
        String single = "/api/v1/travel-checks";
        String batch = "/api/v1/travel-checks/batch";
        String realFields = "\"passengerRef\":\"PNR-REAL\",\"mode\":\"AIR\",\"serviceClass\":\"AIR_ECONOMY\"";
        shape(platform, logs, "single route, decoy checks[0] after the real document", single,
                real.substring(0, real.length() - 1) + ",\"checks\":[" + decoyCheck + "]}", "200 DENY", 1, 1);
        shape(platform, logs, "single route, decoy checks[0] before the real document", single,
                "{\"checks\":[" + decoyCheck + "]," + real.substring(1), "200 DENY", 1, 1);
        shape(platform, logs, "single route, decoy in unknown fields (documents, passenger, subject, Document)", single,
                "{\"documents\":[" + document(DECOY) + "],\"passenger\":{\"document\":" + document(DECOY)
                        + "},\"subject\":\"" + DECOY + "\",\"Document\":" + document(DECOY) + "," + real.substring(1),
                "200 DENY", 1, 1);
        shape(platform, logs, "single route, the document key written with a \\u escape", single,
                "{" + realFields + ",\"docu\\u006dent\":" + document(TRAVELLER) + "}", "200 DENY", 1, 1);
        shape(platform, logs, "single route, resident ID as a JSON number, decoy in the first version's value", single,
                "{" + realFields + ",\"document\":{\"type\":\"RESIDENT_ID\",\"number\":" + TRAVELLER
                        + ",\"value\":\"" + DECOY + "\"}}", "200 DENY", 1, 1);
        shape(platform, logs, "single route, document given twice (decoy first, real in the first version's names)",
                single, "{" + realFields + ",\"document\":" + document(DECOY) + ",\"document\":{\"scheme\":"
                        + "\"RESIDENT_ID\",\"value\":\"" + TRAVELLER + "\"}}", "400 invalid-request", 0, 0);
        shape(platform, logs, "single route, number given twice in the document (decoy, then real)", single,
                "{" + realFields + ",\"document\":{\"type\":\"RESIDENT_ID\",\"number\":\"" + DECOY
                        + "\",\"number\":\"" + TRAVELLER + "\"}}", "400 invalid-request", 0, 0);
        shape(platform, logs, "single route, a batch body (checks only)", single,
                "{\"checks\":[" + real + "]}", "400 invalid-request", 0, 0);
        shape(platform, logs, "batch route, a single-check body", batch, real, "400 invalid-request", 0, 0);
        shape(platform, logs, "batch route, checks given twice (decoy list, then real list)", batch,
                "{\"checks\":[" + decoyCheck + "],\"checks\":[" + real + "]}", "400 invalid-request", 0, 0);
        shape(platform, logs, "batch route, the real check carrying a decoy checks[0] of its own", batch,
                "{\"checks\":[" + real.substring(0, real.length() - 1) + ",\"checks\":[" + decoyCheck + "]}]}",
                "200 DENY", 1, 1);

        // the gRPC front door: the same person whatever else the message carries
        int front = platform.config().app("gateway").grpcPort();
        credit.common.v1.Identifier realId = credit.common.v1.Identifier.newBuilder()
                .setScheme(credit.common.v1.IdentifierScheme.IDENTIFIER_SCHEME_RESIDENT_ID).setValue(TRAVELLER).build();
        credit.common.v1.Identifier decoyId = realId.toBuilder().setValue(DECOY).build();
        credit.sanctions.v1.CheckTravelRequest realGrpc = credit.sanctions.v1.CheckTravelRequest.newBuilder()
                .setPassengerRef("PNR-REAL").setDocument(realId).setMode(credit.sanctions.v1.TravelMode.TRAVEL_MODE_AIR)
                .setServiceClass(credit.sanctions.v1.ServiceClass.SERVICE_CLASS_AIR_ECONOMY).build();
        credit.sanctions.v1.CheckTravelRequest decoyGrpc = realGrpc.toBuilder().setDocument(decoyId).build();
        byte[] withUnknownDecoy = realGrpc.toBuilder().setUnknownFields(com.google.protobuf.UnknownFieldSet.newBuilder()
                .addField(15, com.google.protobuf.UnknownFieldSet.Field.newBuilder()
                        .addLengthDelimited(decoyGrpc.toByteString()).build()).build()).build().toByteArray();
        grpcShape(platform, logs, "gRPC CheckTravel, a decoy check in an unknown field", front,
                credit.sanctions.v1.TravelCheckServiceGrpc.getCheckTravelMethod(), withUnknownDecoy, "OK DENY", 1, 1);
        byte[] twice = concat(credit.sanctions.v1.CheckTravelRequest.newBuilder().setDocument(decoyId).build()
                .toByteArray(), realGrpc.toByteArray());
        grpcShape(platform, logs, "gRPC CheckTravel, document given twice (decoy first)", front,
                credit.sanctions.v1.TravelCheckServiceGrpc.getCheckTravelMethod(), twice, "OK DENY", 1, 1);
        grpcShape(platform, logs, "gRPC CheckTravel, a batch message (checks[0] the real one)", front,
                credit.sanctions.v1.TravelCheckServiceGrpc.getCheckTravelMethod(),
                credit.sanctions.v1.BatchCheckTravelRequest.newBuilder().addChecks(realGrpc).build().toByteArray(),
                "INVALID_ARGUMENT", 0, 0);
        grpcShape(platform, logs, "gRPC BatchCheckTravel, a single check message (decoy)", front,
                credit.sanctions.v1.TravelCheckServiceGrpc.getBatchCheckTravelMethod(), decoyGrpc.toByteArray(),
                "INVALID_ARGUMENT", 0, 0);
        grpcShape(platform, logs, "gRPC BatchCheckTravel, the real check carrying a decoy in an unknown field", front,
                credit.sanctions.v1.TravelCheckServiceGrpc.getBatchCheckTravelMethod(),
                credit.sanctions.v1.BatchCheckTravelRequest.newBuilder().addChecks(
                        credit.sanctions.v1.CheckTravelRequest.parseFrom(withUnknownDecoy)).build().toByteArray(),
                "OK DENY", 1, 1);
        assertAllOk("body shapes");
    }

    /** The ticketing client's entries in the traveller's and the decoy's access logs (their own tokens). */
    private static final class Logs {
        private final TestPlatform platform;
        private final String traveller;
        private final String decoy;

        Logs(TestPlatform platform) {
            this.platform = platform;
            this.traveller = password(platform, "traveller-probe-demo");
            this.decoy = password(platform, "citizen2-demo");
        }

        int[] sizes() throws Exception {
            return new int[] {entries(platform, traveller, "airline-demo"), entries(platform, decoy, "airline-demo")};
        }

        private static String password(TestPlatform platform, String user) {
            HttpResponse<String> token = platform.tokenResponse("grant_type=password&client_id=credit-web&username="
                    + user + "&password=" + user + "-password&scope=openid");
            assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
            return JSON.readTree(token.body()).path("access_token").asString();
        }
    }

    /** A REST body-shape probe: status and decision (or problem type), audit delta, both persons' log deltas. */
    private static void shape(TestPlatform platform, Logs logs, String probe, String path, String body,
            String expected, int audit, int traveller) throws Exception {
        int[] before = logs.sizes();
        Probed seen = request(platform, "POST", path, token(platform, "airline-demo"), body, "application/json", null);
        int[] after = logs.sizes();
        JsonNode answer = JSON.readTree(seen.response().body());
        String outcome = seen.response().statusCode() == 200
                ? answer.has("results") ? answer.path("results").path(0).path("decision").asString()
                        : answer.path("decision").asString()
                : answer.path("type").asString().replace("https://credit.example/problems/", "");
        ROWS.add(new Row("body shapes", probe, expected + ", audit +" + audit + ", traveller's log +" + traveller
                + ", decoy's log +0", seen.response().statusCode() + " " + outcome + ", audit +" + seen.auditDelta()
                + ", traveller's log +" + (after[0] - before[0]) + ", decoy's log +" + (after[1] - before[1])));
    }

    /** A gRPC body-shape probe on the front door: the message as bytes, the ticketing client's token. */
    private static void grpcShape(TestPlatform platform, Logs logs, String probe, int port,
            MethodDescriptor<?, ?> rpc, byte[] message, String expected, int audit, int traveller) throws Exception {
        ManagedChannel channel = CHANNELS.computeIfAbsent(port,
                p -> ManagedChannelBuilder.forAddress("localhost", p).usePlaintext().build());
        MethodDescriptor.Marshaller<byte[]> raw = new MethodDescriptor.Marshaller<>() {
            @Override
            public java.io.InputStream stream(byte[] value) {
                return new java.io.ByteArrayInputStream(value);
            }

            @Override
            public byte[] parse(java.io.InputStream stream) {
                try {
                    return stream.readAllBytes();
                } catch (java.io.IOException e) {
                    throw new IllegalStateException(e);
                }
            }
        };
        MethodDescriptor<byte[], byte[]> bytes = MethodDescriptor.<byte[], byte[]>newBuilder()
                .setType(MethodDescriptor.MethodType.UNARY).setFullMethodName(rpc.getFullMethodName())
                .setRequestMarshaller(raw).setResponseMarshaller(raw).build();
        int[] before = logs.sizes();
        long head = auditHead(platform);
        ClientCall<byte[], byte[]> call = channel.newCall(bytes, CallOptions.DEFAULT.withDeadlineAfter(15, TimeUnit.SECONDS));
        CompletableFuture<Status> closed = new CompletableFuture<>();
        List<byte[]> answers = java.util.Collections.synchronizedList(new ArrayList<>());
        Metadata headers = new Metadata();
        headers.put(AUTHORIZATION, "Bearer " + token(platform, "airline-demo"));
        call.start(new ClientCall.Listener<>() {
            @Override
            public void onMessage(byte[] answer) {
                answers.add(answer);
            }

            @Override
            public void onClose(Status status, Metadata trailers) {
                closed.complete(status);
            }
        }, headers);
        call.request(1);
        call.sendMessage(message);
        call.halfClose();
        Status status = closed.get(30, TimeUnit.SECONDS);
        long delta = auditHead(platform) - head;
        int[] after = logs.sizes();
        String decision = "";
        if (!answers.isEmpty()) {
            credit.sanctions.v1.Decision d = rpc.getFullMethodName().endsWith("/BatchCheckTravel")
                    ? credit.sanctions.v1.BatchCheckTravelResponse.parseFrom(answers.get(0)).getResults(0).getDecision()
                    : credit.sanctions.v1.CheckTravelResponse.parseFrom(answers.get(0)).getDecision();
            decision = " " + d.name().replace("DECISION_", "");
        }
        ROWS.add(new Row("body shapes", probe, expected + ", audit +" + audit + ", traveller's log +" + traveller
                + ", decoy's log +0", status.getCode() + decision + ", audit +" + delta + ", traveller's log +"
                + (after[0] - before[0]) + ", decoy's log +" + (after[1] - before[1])));
    }

    /** The USCC of organisation code {@code body}: authority 9, kind 1, region 110105, both check characters. */
    private static String usccOf(String body) {
        String first17 = "91110105" + body + credit.platform.identifiers.Identifiers.organisationCodeCheck(body);
        return first17 + credit.platform.identifiers.Identifiers.usccCheckCharacter(first17);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    // --- the services' own ports ------------------------------------------------------------------

    @Test
    void theServicesOwnPortsServeNobodyWhoBypassedTheGateway(TestPlatform platform) throws Exception {
        String admin = token(platform, "platform-admin");
        String court = token(platform, "court-demo");
        Map<String, String> routes = new LinkedHashMap<>();
        routes.put("registry-service", "/api/v1/subjects/s-1");
        routes.put("blacklist-service", "/api/v1/records?subjectId=s-1");
        routes.put("scoring-service", "/api/v1/scores/s-1");
        routes.put("sanctions-service", "/api/v1/travel-checks/receipt-keys");
        for (Map.Entry<String, String> r : routes.entrySet()) {
            String base = "http://localhost:" + platform.config().app(r.getKey()).httpPort();
            rest(platform, "service ports", r.getKey() + " REST, operator token, no relay: GET " + r.getValue(),
                    send(platform, base, "GET", r.getValue(), admin, null, null, "SUPERVISION", Map.of()), 403, "gateway-required", 0);
            rest(platform, "service ports", r.getKey() + " REST, operator token relaying itself: GET " + r.getValue(),
                    send(platform, base, "GET", r.getValue(), admin, null, null, "SUPERVISION",
                            Map.of("X-Credit-Gateway", "Bearer " + admin)), 403, "gateway-required", 0);
            rest(platform, "service ports", r.getKey() + " REST, agency token relaying itself: GET " + r.getValue(),
                    send(platform, base, "GET", r.getValue(), court, null, null, "SUPERVISION",
                            Map.of("X-Credit-Gateway", "Bearer " + court)), 403, null, 0);
            rest(platform, "service ports", r.getKey() + " REST, no token: GET " + r.getValue(),
                    send(platform, base, "GET", r.getValue(), null, null, null, null, Map.of()), 401, null, 0);
        }
        // every RPC of every contract on its own service's port: internal ones with an agency's and the
        // operators' tokens, the sanctions ones with a ticketing client's token that bypassed the gateway
        for (MethodDescriptor<?, ?> rpc : SecurityMatrixIT.allRpcs()) {
            String service = rpc.getServiceName();
            String app = service.startsWith("credit.registry.") ? "registry-service"
                    : service.startsWith("credit.lists.") ? "blacklist-service"
                    : service.startsWith("credit.scoring.") ? "scoring-service"
                    : service.startsWith("credit.sanctions.") ? "sanctions-service" : null;
            if (app == null) {
                continue;
            }
            int port = platform.config().app(app).grpcPort();
            if (ProtoScopeAuthorizationManager.serviceOnly(rpc)) {
                grpc(platform, "internal RPCs", "agency token (court-demo) on " + app + ": " + rpc.getFullMethodName(),
                        port, rpc, court, Status.Code.PERMISSION_DENIED, 0);
                grpc(platform, "internal RPCs", "operator token on " + app + ": " + rpc.getFullMethodName(),
                        port, rpc, admin, Status.Code.PERMISSION_DENIED, 0);
            } else {
                String client = service.contains("Eligibility") ? "procurement-demo" : "airline-demo";
                grpc(platform, "service ports", client + " on " + app + " directly: " + rpc.getFullMethodName(),
                        port, rpc, token(platform, client), Status.Code.PERMISSION_DENIED, 0);
            }
        }
        // the gateway's gRPC front door passes the sanctions contract only
        int front = platform.config().app("gateway").grpcPort();
        for (MethodDescriptor<?, ?> rpc : SecurityMatrixIT.allRpcs()) {
            if (ProtoScopeAuthorizationManager.serviceOnly(rpc)) {
                grpc(platform, "internal RPCs", "operator token on the gateway's gRPC port: " + rpc.getFullMethodName(),
                        front, rpc, admin, Status.Code.UNIMPLEMENTED, 0);
            }
        }
        assertAllOk("service ports");
        assertAllOk("internal RPCs");
    }

    // --- cross-agency writes ---------------------------------------------------------------------

    @Test
    void anAgencyChangesOnlyItsOwnAuthoritysRecordsAndARefusedWriteChangesNothing(TestPlatform platform)
            throws Exception {
        String listed = ResidentIds.withCheckCharacter("11010519880211331");
        platform.clientFor("registrar-demo").registry().createSubject(new CreateSubjectRequest("PERSON",
                List.of(new IdentifierDto("RESIDENT_ID", listed, null)), "钱十", null, null));
        RecordView record = platform.clientFor("court-demo").lists().createRecord("spc-dishonest-debtors",
                new CreateRecordRequest(new SubjectNameDto("PERSON", "RESIDENT_ID", listed, null, "钱十"),
                        "(2026)京0105执977号", "有履行能力而拒不履行生效法律文书确定义务",
                        "System test: attack suite", LocalDate.now(ZoneId.of("Asia/Shanghai")), null));
        String path = "/api/v1/lists/spc-dishonest-debtors/records/" + record.id();
        String court = token(platform, "court-demo");
        long version = JSON.readTree(request(platform, "GET", path, court, null, null, "SUPERVISION").response().body())
                .path("version").asLong();

        for (String agency : List.of("samr-demo", "tax-demo")) {
            // the gateway lets lists.write through (and records the attempt with the status sent);
            // the lists service refuses on the record's issuing authority
            rest(platform, "cross-agency writes", agency + ": removal of a court record",
                    request(platform, "POST", path + "/removal", token(platform, agency),
                            "{\"ground\":\"PERFORMED\",\"reason\":\"paid\"}", "application/json", null),
                    403, "list-owned-elsewhere", 1);
            rest(platform, "cross-agency writes", agency + ": extension of a court record",
                    request(platform, "POST", path + "/extension", token(platform, agency),
                            "{\"extension\":\"P1Y\",\"reason\":\"more\"}", "application/json", null),
                    403, "list-owned-elsewhere", 1);
        }
        JsonNode after = JSON.readTree(request(platform, "GET", path, court, null, null, "SUPERVISION").response().body());
        ROWS.add(new Row("cross-agency writes", "read back: the record is unchanged",
                "version " + version + ", ACTIVE", "version " + after.path("version").asLong() + ", "
                        + after.path("status").asString()));
        assertAllOk("cross-agency writes");
    }

    // --- identifier spellings and the access log -------------------------------------------------

    @Test
    void everySpellingOfThePersonsNumberLandsInTheirAccessLog(TestPlatform platform) throws Exception {
        String admin = token(platform, "platform-admin");
        HttpResponse<String> created = request(platform, "POST", "/api/v1/subjects", admin, "{\"kind\":\"PERSON\","
                + "\"identifiers\":[{\"scheme\":\"RESIDENT_ID\",\"value\":\"" + CITIZEN + "\"}],"
                + "\"name\":\"演示公民\"}", "application/json", null).response();
        assertThat(created.statusCode()).as(created.body()).isIn(200, 201, 409);
        String citizen = platform.citizenToken();
        Map<String, String> spellings = new LinkedHashMap<>();
        spellings.put("lower-case check character", "11010519491231002x");
        spellings.put("hyphenated", "110105-19491231-002X");
        spellings.put("spaced", "110105%2019491231%20002X");
        spellings.put("full-width digits", java.net.URLEncoder.encode("１１０１０５１９４９１２３１００２Ｘ", StandardCharsets.UTF_8));
        spellings.put("legacy 15 digits", "110105491231002");
        for (Map.Entry<String, String> s : spellings.entrySet()) {
            int before = accessLogSize(platform, citizen);
            HttpResponse<String> lookup = request(platform, "GET", "/api/v1/subjects/lookup?scheme=RESIDENT_ID&value="
                    + s.getValue(), admin, null, null, "OBJECTION_REVIEW").response();
            int after = accessLogSize(platform, citizen);
            ROWS.add(new Row("access log", s.getKey() + ": lookup, then the person's access log",
                    "200, log +1", lookup.statusCode() + ", log +" + (after - before)));
        }
        assertAllOk("access log");
    }

    // --- anonymous flood --------------------------------------------------------------------------

    /**
     * 200 anonymous requests at once to the open company grade: the address's budget cuts them (429), and
     * nothing the flood gets is a 500 — an answer is the grade (200), not found (404), the budget's 429 or
     * an overload's 503, each refusal a problem+json. {@code -Dattack.flood.rounds=N} floods N times (the
     * budget refilled in between), to hunt for a rare 5xx.
     */
    @Test
    void anAnonymousFloodOfTheOpenGradeIsCutByItsBudget(TestPlatform platform) throws Exception {
        // a well-formed code no company holds: each request let through is looked up in the registry
        String grade = platform.gatewayUrl() + "/api/v1/scores/public/companies/"
                + usccOf("11400014") + "/grade";
        int rounds = Integer.getInteger("attack.flood.rounds", 1);
        Map<Integer, Integer> total = new java.util.TreeMap<>();
        List<String> wrong = new ArrayList<>();
        int roundsWithout429 = 0;
        for (int round = 0; round < rounds; round++) {
            if (round > 0) {
                // the address's budget refilled: one request is let through again (bounded)
                org.awaitility.Awaitility.await("the anonymous budget refills").atMost(Duration.ofSeconds(60))
                        .pollInterval(Duration.ofSeconds(1)).until(() -> HTTP.send(HttpRequest.newBuilder(URI.create(grade))
                                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.discarding())
                                .statusCode() != 429);
            }
            List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                answers.add(HTTP.sendAsync(HttpRequest.newBuilder(URI.create(grade)).timeout(Duration.ofSeconds(30))
                        .GET().build(), HttpResponse.BodyHandlers.ofString()));
            }
            int limited = 0;
            for (CompletableFuture<HttpResponse<String>> a : answers) {
                HttpResponse<String> answer = a.get(60, TimeUnit.SECONDS);
                int status = answer.statusCode();
                total.merge(status, 1, Integer::sum);
                limited += status == 429 ? 1 : 0;
                boolean problem = answer.headers().firstValue("Content-Type").orElse("")
                        .startsWith("application/problem+json");
                if (!(status == 200 || status == 404 || (status == 429 || status == 503) && problem)) {
                    wrong.add("round " + round + ": " + status + " " + answer.headers().firstValue("Content-Type")
                            .orElse("(no type)") + " " + answer.body().substring(0, Math.min(300, answer.body().length())));
                }
            }
            roundsWithout429 += limited == 0 ? 1 : 0;
        }
        if (!wrong.isEmpty()) {
            Files.createDirectories(Path.of("target"));
            Files.write(Path.of("target", "attack-flood-wrong.txt"), wrong);
        }
        ROWS.add(new Row("anonymous flood", rounds + " × 200 requests at once to the open company grade, no token",
                "some 429 in every round", roundsWithout429 == 0 ? "some 429 in every round"
                        : roundsWithout429 + " round(s) without a 429"));
        ROWS.add(new Row("anonymous flood", "answers other than 200, 404, or 429/503 problem+json",
                "none", wrong.isEmpty() ? "none" : wrong.size() + " (" + total + ")"));
        assertAllOk("anonymous flood");
    }

    // --- the table --------------------------------------------------------------------------------

    @AfterAll
    static void writeTheTable() throws Exception {
        StringBuilder table = new StringBuilder();
        table.append("| # | category | probe | expected | seen |\n|---|---|---|---|---|\n");
        int n = 0;
        List<Row> rows;
        synchronized (ROWS) {
            rows = new ArrayList<>(ROWS);
        }
        for (Row r : rows) {
            table.append("| ").append(++n).append(" | ").append(r.category()).append(" | `")
                    .append(r.probe().replace("|", "\\|").replace("`", "'")).append("` | ").append(r.expected())
                    .append(" | ").append(r.ok() ? r.seen() : "**" + r.seen() + "**").append(" |\n");
        }
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "attack-suite.md"), table.toString());
        if ("write".equals(System.getProperty("attack.docs"))) {
            Path docs = Path.of("..", "docs", "security.md");
            String text = Files.readString(docs);
            String begin = "<!-- attack-suite:begin -->\n";
            String end = "<!-- attack-suite:end -->";
            int from = text.indexOf(begin);
            int to = text.indexOf(end);
            if (from >= 0 && to > from) {
                Files.writeString(docs, text.substring(0, from + begin.length()) + table + text.substring(to));
            }
        }
    }

    // --- helpers ----------------------------------------------------------------------------------

    private static void assertAllOk(String category) {
        List<Row> bad;
        synchronized (ROWS) {
            bad = ROWS.stream().filter(r -> r.category().equals(category) && !r.ok()).toList();
        }
        assertThat(bad).as(category).isEmpty();
    }

    /** Records a REST probe: status, problem type (when given) and how far the audit chain moved. */
    private static void rest(TestPlatform platform, String category, String probe, Probed seen, int status,
            String problemType, int auditDelta) {
        String expected = status + (problemType == null ? "" : " " + problemType) + ", audit +" + auditDelta;
        String type = "";
        if (problemType != null) {
            try {
                type = " " + JSON.readTree(seen.response().body()).path("type").asString()
                        .replace("https://credit.example/problems/", "");
            } catch (RuntimeException e) {
                type = " (no problem+json)";
            }
        }
        ROWS.add(new Row(category, probe, expected, seen.response().statusCode() + type + ", audit +" + seen.auditDelta()));
    }

    record Probed(HttpResponse<String> response, long auditDelta) {
    }

    private static Probed request(TestPlatform platform, String method, String path, String token, String body,
            String contentType, String purpose) throws Exception {
        return send(platform, platform.gatewayUrl(), method, path, token, body, contentType, purpose, Map.of());
    }

    private static Probed send(TestPlatform platform, String base, String method, String path, String token,
            String body, String contentType, String purpose, Map<String, String> headers) throws Exception {
        long before = auditHead(platform);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (purpose != null) {
            request.header("X-Purpose", purpose);
        }
        headers.forEach(request::header);
        HttpResponse<String> response = withinBudget(() -> HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()));
        return new Probed(response, auditHead(platform) - before);
    }

    interface Call {
        HttpResponse<String> send() throws Exception;
    }

    /**
     * A request the caller's budget refused (429: nothing was forwarded or recorded) is sent again after
     * its Retry-After, a bounded number of times: these probes are about other rules than the budgets,
     * and the suite sends more than a client's 50 per second.
     */
    private static HttpResponse<String> withinBudget(Call call) throws Exception {
        HttpResponse<String> response = call.send();
        for (int i = 0; i < 20 && response.statusCode() == 429; i++) {
            long seconds = response.headers().firstValue("Retry-After").map(Long::parseLong).orElse(1L);
            Thread.sleep(Math.min(seconds, 5) * 1000);
            response = call.send();
        }
        return response;
    }

    private static long auditHead(TestPlatform platform) throws Exception {
        HttpResponse<String> head = withinBudget(() -> HTTP.send(HttpRequest.newBuilder(
                        URI.create(platform.gatewayUrl() + "/api/v1/audit/head"))
                .header("Authorization", "Bearer " + token(platform, "auditor-demo")).GET().build(),
                HttpResponse.BodyHandlers.ofString()));
        assertThat(head.statusCode()).as(head.body()).isEqualTo(200);
        return JSON.readTree(head.body()).path("sequence").asLong();
    }

    private static int accessLogSize(TestPlatform platform, String citizen) throws Exception {
        return entries(platform, citizen, "platform-admin");
    }

    /** The entries of {@code client} in the signed-in person's access log. */
    private static int entries(TestPlatform platform, String citizen, String client) throws Exception {
        HttpResponse<String> log = withinBudget(() -> HTTP.send(HttpRequest.newBuilder(
                        URI.create(platform.gatewayUrl() + "/api/v1/me/access-log"))
                .header("Authorization", "Bearer " + citizen).GET().build(), HttpResponse.BodyHandlers.ofString()));
        assertThat(log.statusCode()).as(log.body()).isEqualTo(200);
        // the operator's accesses only (the person's own reads of their log are recorded too)
        return (int) JSON.readTree(log.body()).path("entries").valueStream()
                .filter(e -> e.path("client").asString().equals(client)).count();
    }

    private static final Map<Integer, ManagedChannel> CHANNELS = new ConcurrentHashMap<>();

    /** Calls any RPC with its empty request and the token; records the status it closed with. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void grpc(TestPlatform platform, String category, String probe, int port, MethodDescriptor<?, ?> rpc,
            String token, Status.Code expected, int auditDelta) throws Exception {
        ManagedChannel channel = CHANNELS.computeIfAbsent(port,
                p -> ManagedChannelBuilder.forAddress("localhost", p).usePlaintext().build());
        long before = auditHead(platform);
        MethodDescriptor<Object, Object> method = (MethodDescriptor) rpc;
        Object request = ((MethodDescriptor.PrototypeMarshaller<?>) rpc.getRequestMarshaller()).getMessagePrototype();
        ClientCall<Object, Object> call = channel.newCall(method, CallOptions.DEFAULT.withDeadlineAfter(15, TimeUnit.SECONDS));
        CompletableFuture<Status> closed = new CompletableFuture<>();
        Metadata headers = new Metadata();
        if (token != null) {
            headers.put(AUTHORIZATION, "Bearer " + token);
        }
        call.start(new ClientCall.Listener<>() {
            @Override
            public void onClose(Status status, Metadata trailers) {
                closed.complete(status);
            }
        }, headers);
        call.request(1);
        call.sendMessage(request);
        call.halfClose();
        Status status = closed.get(30, TimeUnit.SECONDS);
        long delta = auditHead(platform) - before;
        ROWS.add(new Row(category, probe, expected + ", audit +" + auditDelta, status.getCode() + ", audit +" + delta));
    }

    @AfterAll
    static void closeChannels() {
        CHANNELS.values().forEach(ManagedChannel::shutdownNow);
    }

    // --- forging ----------------------------------------------------------------------------------

    private static JsonNode header(String jwt) {
        return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[0]));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> claims(String jwt) {
        return JSON.readValue(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), Map.class);
    }

    private static Map<String, Object> with(Map<String, Object> claims, String name, Object value) {
        Map<String, Object> changed = new LinkedHashMap<>(claims);
        changed.put(name, value);
        return changed;
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String signingInput(Map<String, Object> header, Map<String, Object> claims) {
        return b64(JSON.writeValueAsBytes(header)) + "." + b64(JSON.writeValueAsBytes(claims));
    }

    private static String unsigned(Map<String, Object> header, Map<String, Object> claims) {
        return signingInput(header, claims) + ".";
    }

    private static String hs256(Map<String, Object> header, Map<String, Object> claims, String key) throws Exception {
        String input = signingInput(header, claims);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return input + "." + b64(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
    }

    private static String rs256(KeyPair key, String kid, Map<String, Object> claims) throws Exception {
        String input = signingInput(Map.of("alg", "RS256", "typ", "JWT", "kid", kid), claims);
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initSign(key.getPrivate());
        signature.update(input.getBytes(StandardCharsets.US_ASCII));
        return input + "." + b64(signature.sign());
    }
}
