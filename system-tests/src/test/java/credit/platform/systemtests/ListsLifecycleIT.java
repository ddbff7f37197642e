package credit.platform.systemtests;

import credit.platform.client.ConflictException;
import credit.platform.client.ForbiddenException;
import credit.platform.client.PlatformClient;
import credit.platform.client.lists.ApplicationView;
import credit.platform.client.lists.CreateRecordRequest;
import credit.platform.client.lists.DecisionRequest;
import credit.platform.client.lists.FilingRequest;
import credit.platform.client.lists.RecordEventView;
import credit.platform.client.lists.RecordView;
import credit.platform.client.lists.RemovalRequest;
import credit.platform.client.lists.SubjectNameDto;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.LocalDate;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A record's life through the gateway with real Keycloak tokens: the court lists a debtor, another
 * agency files an objection on the debtor's behalf (DISPUTED), the court rejects it (ACTIVE again),
 * then removes the record on performance (REMOVED) — each step in the record's history; another
 * agency may not remove it, and a stale version is a conflict.
 */
@ExtendWith(PlatformExtension.class)
class ListsLifecycleIT {

    /** The gateway refuses reads of person data without a purpose. */
    private static final String PURPOSE = "OBJECTION_REVIEW";
    private static final String SPC_LIST = "spc-dishonest-debtors";
    private static final String DEBTOR_ID = ResidentIds.withCheckCharacter("11010519800315123");

    @Test
    void courtListsADebtorAnObjectionDisputesItIsRejectedAndTheCourtRemovesTheRecord(TestPlatform platform) {
        PlatformClient court = platform.clientFor("court-demo");
        PlatformClient samr = platform.clientFor("samr-demo");
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

        RecordView record = court.lists().createRecord(SPC_LIST, new CreateRecordRequest(
                new SubjectNameDto("PERSON", "RESIDENT_ID", DEBTOR_ID, null, "李四"),
                "(2026)京0105执456号", "有履行能力而拒不履行生效法律文书确定义务",
                "System test: judgment debt unpaid", today, null));
        assertThat(record.status()).isEqualTo("ACTIVE");

        ApplicationView objection = samr.lists().fileObjection(SPC_LIST, record.id(),
                new FilingRequest("the debtor says the judgment was performed"));
        assertThat(objection.authority()).isEqualTo("SPC");
        assertThat(court.lists().getRecord(SPC_LIST, record.id(), PURPOSE).status()).isEqualTo("DISPUTED");

        ForbiddenException notTheirs = catchThrowableOfType(ForbiddenException.class, () -> samr.lists()
                .decide(SPC_LIST, record.id(), objection.id(), DecisionRequest.accepted("x")));
        assertThat(notTheirs.status()).isEqualTo(403);

        ApplicationView rejected = court.lists().decide(SPC_LIST, record.id(), objection.id(),
                DecisionRequest.rejected("no proof of performance"));
        assertThat(rejected.status()).isEqualTo("REJECTED");
        RecordView reinstated = court.lists().getRecord(SPC_LIST, record.id(), PURPOSE);
        assertThat(reinstated.status()).isEqualTo("ACTIVE");

        ForbiddenException removalNotTheirs = catchThrowableOfType(ForbiddenException.class, () -> samr.lists()
                .removeRecord(SPC_LIST, record.id(), new RemovalRequest("PERFORMED", "x", null)));
        assertThat(removalNotTheirs.status()).isEqualTo(403);
        ConflictException stale = catchThrowableOfType(ConflictException.class, () -> court.lists()
                .removeRecord(SPC_LIST, record.id(), new RemovalRequest("PERFORMED", "paid", 1L)));
        assertThat(stale.status()).isEqualTo(409);

        RecordView removed = court.lists().removeRecord(SPC_LIST, record.id(),
                new RemovalRequest("PERFORMED", "judgment performed in full", reinstated.version()));

        assertThat(removed.status()).isEqualTo("REMOVED");
        assertThat(removed.history()).extracting(RecordEventView::type)
                .containsExactly("CREATED", "DISPUTED", "REINSTATED", "REMOVED");
        assertThat(removed.history()).extracting(RecordEventView::actor)
                .containsExactly("court-demo", "samr-demo", "court-demo", "court-demo");
        assertThat(removed.history().getLast().ground()).isEqualTo("PERFORMED");
        assertThat(court.lists().recordsOfSubject(record.subjectId(), PURPOSE))
                .filteredOn(r -> r.id().equals(record.id()))
                .singleElement().extracting(RecordView::status).isEqualTo("REMOVED");
    }
}
