package credit.platform.systemtests;

import credit.platform.client.IdentifierDto;
import credit.platform.client.PlatformClient;
import credit.platform.client.lists.CreateRecordRequest;
import credit.platform.client.lists.RecordView;
import credit.platform.client.lists.SubjectNameDto;
import credit.platform.client.registry.CreateSubjectRequest;
import credit.platform.client.registry.SubjectView;
import credit.platform.client.scoring.ScoreView;
import credit.platform.client.travel.TravelCheck;
import credit.platform.client.travel.TravelDecision;
import credit.platform.client.travel.TravelDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@ExtendWith(PlatformExtension.class)
class EndToEndIT {

    // not the demo citizen's ID (SecurityMatrixIT registers that one for the access log)
    private static final String LISTED_ID = ResidentIds.withCheckCharacter("11010519550505001");
    private static final String UNLISTED_ID = ResidentIds.withCheckCharacter("11010119800101123");
    private static final String SPC_LIST = "spc-dishonest-debtors";
    /** Change propagation (lists → sanctions index / scoring) is meant to take about a second. */
    private static final Duration PROPAGATION = Duration.ofSeconds(20);

    @Test
    void validTokenReachesEveryService(TestPlatform platform) {
        PlatformClient registrar = platform.clientFor("registrar-demo");
        PlatformClient court = platform.clientFor("court-demo");
        PlatformClient admin = platform.clientFor("platform-admin");
        PlatformClient airline = platform.clientFor("airline-demo");

        // registry-service: create a person and read it back
        SubjectView created = registrar.registry().createSubject(new CreateSubjectRequest("PERSON",
                List.of(new IdentifierDto("RESIDENT_ID", LISTED_ID, null)), "测试", null, null));
        assertThat(created.id()).isNotBlank();
        SubjectView read = registrar.registry().getSubject(created.id(), "DATA_MAINTENANCE");
        assertThat(read.id()).isEqualTo(created.id());
        assertThat(read.name()).isEqualTo("测试");
        assertThat(read.identifiers()).extracting(IdentifierDto::value).contains(LISTED_ID);

        // blacklist-service: the court lists that person, and reads the record back
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        RecordView record = court.lists().createRecord(SPC_LIST, new CreateRecordRequest(
                new SubjectNameDto("PERSON", "RESIDENT_ID", LISTED_ID, null, "测试"),
                "(2026)京0105执123号", "有履行能力而拒不履行生效法律文书确定义务",
                "System test: judgment debt of 100000 CNY unpaid", today, null));
        assertThat(record.id()).isNotBlank();
        RecordView recordRead = court.lists().getRecord(SPC_LIST, record.id(), "ENFORCEMENT");
        assertThat(recordRead.id()).isEqualTo(record.id());
        assertThat(recordRead.listId()).isEqualTo(SPC_LIST);
        assertThat(recordRead.subjectId()).isEqualTo(created.id());
        assertThat(recordRead.issuingAuthority()).isEqualTo("SPC");

        // scoring-service: below the base because of the record, and the record is named in the explanation
        AtomicReference<ScoreView> score = new AtomicReference<>();
        await("score reflects record " + record.id()).atMost(PROPAGATION).pollInterval(Duration.ofMillis(500))
                .ignoreExceptions()
                .until(() -> {
                    score.set(admin.scoring().getScore(created.id(), "", "SUPERVISION"));
                    return score.get().points() < score.get().basePoints();
                });
        assertThat(score.get().subjectId()).isEqualTo(created.id());
        assertThat(score.get().contributions())
                .anySatisfy(c -> {
                    assertThat(c.sourceRef()).contains(record.id());
                    assertThat(c.points()).isNegative();
                });

        // sanctions-service: the airline may not sell this person an economy seat…
        LocalDate tomorrow = today.plusDays(1);
        AtomicReference<TravelDecision> deny = new AtomicReference<>();
        await("travel check denies the listed person").atMost(PROPAGATION).pollInterval(Duration.ofMillis(500))
                .ignoreExceptions()
                .until(() -> {
                    deny.set(airline.travel().checkTravel(TravelCheck.flight("PNR-1",
                            TravelDocument.residentId(LISTED_ID), "ECONOMY", tomorrow)));
                    return deny.get().denied();
                });
        assertThat(deny.get().passengerRef()).isEqualTo("PNR-1");
        assertThat(deny.get().reasons()).isNotEmpty();
        assertThat(deny.get().decisionId()).isNotBlank();

        // …but may sell one to somebody who is on no list
        TravelDecision allow = airline.travel().checkTravel(TravelCheck.flight("PNR-2",
                TravelDocument.residentId(UNLISTED_ID), "ECONOMY", tomorrow));
        assertThat(allow.decision()).isEqualTo("ALLOW");
        assertThat(allow.passengerRef()).isEqualTo("PNR-2");
    }
}
