package credit.platform.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import credit.platform.client.IdentifierDto;
import credit.platform.client.PlatformClient;
import credit.platform.client.examples.BulkImportExample;
import credit.platform.client.examples.SingleCheckExample;
import credit.platform.client.examples.TrainBatchExample;
import credit.platform.client.lists.CreateRecordRequest;
import credit.platform.client.lists.SubjectNameDto;
import credit.platform.client.registry.CreateSubjectRequest;
import credit.platform.client.travel.ReceiptVerification;
import credit.platform.client.travel.TravelCheck;
import credit.platform.client.travel.TravelCheckBatch;
import credit.platform.client.travel.TravelDecision;
import credit.platform.client.travel.TravelDecisions;
import credit.platform.client.travel.TravelDocument;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SDK's examples ({@code platform-client/src/examples}) run as written against the real stack, and
 * its offline receipt verification agrees with the platform's own verification route, for genuine and
 * altered receipts alike.
 */
@ExtendWith(PlatformExtension.class)
class SdkExamplesIT {

    private static final String LISTED = ResidentIds.withCheckCharacter("11010519830405678");
    private static final String FREE = ResidentIds.withCheckCharacter("11010519830405679");

    @TempDir
    Path dir;

    private static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }

    private static void listDebtor(TestPlatform platform) {
        PlatformClient registrar = platform.clientFor("registrar-demo");
        try {
            registrar.registry().createSubject(new CreateSubjectRequest("PERSON",
                    List.of(new IdentifierDto("RESIDENT_ID", LISTED, null)), "钱七", null, null));
            platform.clientFor("court-demo").lists().createRecord("spc-dishonest-debtors", new CreateRecordRequest(
                    new SubjectNameDto("PERSON", "RESIDENT_ID", LISTED, null, "钱七"), "(2026)京0105执901号",
                    "有履行能力而拒不履行生效法律文书确定义务", "System test: SDK examples", today(), null),
                    "sdk-examples-" + LISTED);
        } catch (credit.platform.client.ConflictException alreadyRegistered) {
            // the other test of this class registered the debtor first
        }
        PlatformClient rail = platform.clientFor("rail-demo");
        await("the listing reaches the travel check").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .ignoreExceptions().until(() -> rail.travel().checkTravel(TravelCheck.train("probe",
                        TravelDocument.residentId(LISTED), "G1", "SECOND_CLASS", today().plusDays(1))).denied());
    }

    @Test
    void theExamplesRunAgainstThePlatform(TestPlatform platform) throws Exception {
        listDebtor(platform);
        TravelDecision single = SingleCheckExample.checkOnePassenger(platform.clientFor("airline-demo"), LISTED, today().plusDays(1));
        assertThat(single.decision()).isEqualTo("DENY");

        List<TravelDecision> train = TrainBatchExample.checkTrain(platform.clientFor("rail-demo"), "G7", today().plusDays(1),
                List.of(new TrainBatchExample.Seat("01A", FREE, "SECOND_CLASS"),
                        new TrainBatchExample.Seat("01B", LISTED, "SECOND_CLASS"),
                        new TrainBatchExample.Seat("01C", FREE, "FIRST_CLASS")));
        assertThat(train).extracting(TravelDecision::decision).containsExactly("ALLOW", "DENY", "ALLOW");
        assertThat(train).allMatch(TravelDecision::hasCompactProof);

        Path file = Files.writeString(dir.resolve("two.ndjson"), String.join("\n",
                "{\"kind\":\"PERSON\",\"identifiers\":[{\"scheme\":\"RESIDENT_ID\",\"value\":\""
                        + ResidentIds.withCheckCharacter("11010519830405680") + "\"}],\"name\":\"孙八\"}",
                "{\"kind\":\"PERSON\",\"name\":\"no identifier\"}") + "\n", StandardCharsets.UTF_8);
        BulkImportExample.Result imported = BulkImportExample.importFile(platform.clientFor("registrar-demo"), file);
        assertThat(imported.summary().created()).isEqualTo(1);
        assertThat(imported.errors()).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(2);
            assertThat(e.field()).isEqualTo("identifiers");
        });
    }

    @Test
    void offlineVerificationAgreesWithThePlatformsRouteOnGenuineAndAlteredReceipts(TestPlatform platform) {
        listDebtor(platform);
        PlatformClient rail = platform.clientFor("rail-demo");
        LocalDate date = today().plusDays(1);
        List<TravelCheck> checks = List.of(
                TravelCheck.train("A", TravelDocument.residentId(LISTED), "G1", "SECOND_CLASS", date),
                TravelCheck.train("B", TravelDocument.residentId(FREE), "G1", "SECOND_CLASS", date),
                TravelCheck.train("C", TravelDocument.residentId(LISTED), "K1", "HARD_SEAT", date));
        TravelDecisions selfContained = rail.travel().checkBatch(new TravelCheckBatch(checks));
        TravelDecisions compact = rail.travel().checkBatch(TravelCheckBatch.compact(checks));
        int compared = 0;
        for (TravelDecisions batch : List.of(selfContained, compact)) {
            for (TravelDecision d : batch.results()) {
                ReceiptVerification.Request genuine = d.verificationRequest(batch.receipt());
                for (ReceiptVerification.Request request : List.of(genuine, altered(genuine))) {
                    ReceiptVerification online = rail.travel().verifyReceipt(request);
                    ReceiptVerification offline = rail.receiptVerifier().verify(request);
                    assertThat(offline.valid()).as("offline vs online for " + d.passengerRef()).isEqualTo(online.valid());
                    if (online.valid()) {
                        assertThat(offline.claims()).isEqualTo(online.claims());
                    }
                    compared++;
                }
            }
        }
        assertThat(compared).isEqualTo(12);
    }

    /** The same receipt with one character of the decision changed. */
    private static ReceiptVerification.Request altered(ReceiptVerification.Request r) {
        if (r.receipt() != null) {
            String[] parts = r.receipt().split("~", -1);
            return new ReceiptVerification.Request(parts[0] + "~" + flip(parts[1]) + "~" + parts[2]);
        }
        return ReceiptVerification.Request.compact(r.envelope(), flip(r.decision()), r.index(), r.proof());
    }

    private static String flip(String base64url) {
        char c = base64url.charAt(5);
        return base64url.substring(0, 5) + (c == 'A' ? 'B' : 'A') + base64url.substring(6);
    }
}
