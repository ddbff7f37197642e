package credit.platform.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import credit.platform.client.ForbiddenException;
import credit.platform.client.IdentifierDto;
import credit.platform.client.PlatformClient;
import credit.platform.client.lists.CreateRecordRequest;
import credit.platform.client.lists.RecordView;
import credit.platform.client.lists.RemovalRequest;
import credit.platform.client.lists.SubjectNameDto;
import credit.platform.client.registry.CreateSubjectRequest;
import credit.platform.client.travel.ReceiptVerification;
import credit.platform.client.travel.TravelCheck;
import credit.platform.client.travel.TravelCheckBatch;
import credit.platform.client.travel.TravelDecision;
import credit.platform.client.travel.TravelDecisions;
import credit.platform.client.travel.TravelDocument;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Travel checks through the gateway with real Keycloak tokens and the real registry, lists and
 * sanctions services: a person registered with a resident ID and a passport is listed by the court;
 * within the propagation bound rail gets the rail rules for a whole train in one batch, the airline
 * is denied on the passport too; receipts verify and fail when altered; the court removes the record
 * and the next check allows.
 */
@ExtendWith(PlatformExtension.class)
class TravelChecksIT {

    private static final String SPC_LIST = "spc-dishonest-debtors";
    private static final String DEBTOR_ID = ResidentIds.withCheckCharacter("11010519750607123");
    private static final String PASSPORT = "E70607123";
    /** The goal is about a second; the bound here leaves room for a loaded CI machine. */
    private static final Duration PROPAGATION = Duration.ofSeconds(20);

    @Test
    void aListedDebtorGetsTheRailAndAirRulesOnEveryDocumentUntilTheRecordIsRemoved(TestPlatform platform) {
        PlatformClient registrar = platform.clientFor("registrar-demo");
        PlatformClient court = platform.clientFor("court-demo");
        PlatformClient rail = platform.clientFor("rail-demo");
        PlatformClient airline = platform.clientFor("airline-demo");
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        LocalDate tomorrow = today.plusDays(1);

        registrar.registry().createSubject(new CreateSubjectRequest("PERSON", List.of(
                new IdentifierDto("RESIDENT_ID", DEBTOR_ID, null), new IdentifierDto("PASSPORT", PASSPORT, "CHN")),
                "王五", null, null));
        RecordView record = court.lists().createRecord(SPC_LIST, new CreateRecordRequest(
                new SubjectNameDto("PERSON", "RESIDENT_ID", DEBTOR_ID, null, "王五"),
                "(2026)京0105执789号", "有履行能力而拒不履行生效法律文书确定义务",
                "System test: travel checks", today, null));

        TravelDocument id = TravelDocument.residentId(DEBTOR_ID);
        TravelCheck gTrain = TravelCheck.train("G1-05A", id, "G1", "SECOND_CLASS", tomorrow);
        await("the listing reaches the travel check").atMost(PROPAGATION).pollInterval(Duration.ofMillis(200))
                .ignoreExceptions()
                .until(() -> rail.travel().checkTravel(gTrain).denied());

        List<TravelDecision> train = rail.travel().checkBatch(new TravelCheckBatch(List.of(
                TravelCheck.train("D1-2nd", id, "D301", "SECOND_CLASS", tomorrow),
                TravelCheck.train("D1-1st", id, "D301", "FIRST_CLASS", tomorrow),
                gTrain,
                TravelCheck.train("K1-soft", id, "K1", "SOFT_SLEEPER", tomorrow),
                TravelCheck.train("K1-hard", id, "K1", "HARD_SLEEPER", tomorrow)))).results();
        assertThat(train).extracting(TravelDecision::passengerRef)
                .containsExactly("D1-2nd", "D1-1st", "G1-05A", "K1-soft", "K1-hard");
        assertThat(train).extracting(TravelDecision::decision).containsExactly("ALLOW", "DENY", "DENY", "DENY", "ALLOW");
        assertThat(train.get(2).reasons().getFirst().recordRef()).isEqualTo(record.id());
        assertThat(train.get(2).reasons().getFirst().measure()).isEqualTo("RAIL_HIGH_SPEED_BAN");

        TravelDecision flight = airline.travel().checkTravel(TravelCheck.flight("PNR-9",
                TravelDocument.passport("CHN", PASSPORT), "ECONOMY", tomorrow));
        assertThat(flight.denied()).as("passport bound to the listed resident ID").isTrue();

        ReceiptVerification verified = airline.travel().verifyReceipt(new ReceiptVerification.Request(flight.receipt()));
        assertThat(verified.valid()).isTrue();
        assertThat(verified.claims()).containsEntry("decision", "DENY").containsEntry("jti", flight.decisionId());
        // receipt = <signed root JWS>~<decision, base64url>~<inclusion proof>: alter the decision
        String[] parts = flight.receipt().split("~");
        String altered = parts[0] + "~" + Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(Base64.getUrlDecoder().decode(parts[1])).replace("\"DENY\"", "\"ALLOW\"").getBytes())
                + "~" + parts[2];
        assertThat(airline.travel().verifyReceipt(new ReceiptVerification.Request(altered)).valid()).isFalse();

        // A compact batch: the envelope once, per answer its decision, index and sibling hashes —
        // each answer still verifies alone through the gateway, and not with another answer's index.
        TravelDecisions compact = rail.travel().checkBatch(TravelCheckBatch.compact(List.of(
                TravelCheck.train("D1-2nd", id, "D301", "SECOND_CLASS", tomorrow), gTrain)));
        TravelDecision compactDeny = compact.results().get(1);
        assertThat(compactDeny.denied()).isTrue();
        assertThat(compactDeny.receipt()).isNull();
        ReceiptVerification compactVerified = rail.travel().verifyReceipt(compactDeny.verificationRequest(compact.receipt()));
        assertThat(compactVerified.valid()).isTrue();
        assertThat(compactVerified.claims()).containsEntry("decision", "DENY").containsEntry("jti", compactDeny.decisionId());
        assertThat(rail.travel().verifyReceipt(ReceiptVerification.Request.compact(compact.receipt(),
                compactDeny.receiptDecision(), 0, compactDeny.receiptProof())).valid()).isFalse();

        ForbiddenException court403 = catchThrowableOfType(ForbiddenException.class,
                () -> court.travel().checkTravel(gTrain));
        assertThat(court403.status()).isEqualTo(403);

        court.lists().removeRecord(SPC_LIST, record.id(), new RemovalRequest("PERFORMED", "paid in full",
                record.version()));
        await("the removal reaches the travel check").atMost(PROPAGATION).pollInterval(Duration.ofMillis(200))
                .ignoreExceptions()
                .until(() -> !rail.travel().checkTravel(gTrain).denied());
    }
}
