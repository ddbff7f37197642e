package credit.platform.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import credit.platform.client.ConflictException;
import credit.platform.client.FieldError;
import credit.platform.client.ForbiddenException;
import credit.platform.client.IdentifierDto;
import credit.platform.client.InvalidRequestException;
import credit.platform.client.PlatformClient;
import credit.platform.client.registry.AddIdentifierRequest;
import credit.platform.client.registry.CreatePermitRequest;
import credit.platform.client.registry.CreateRelationshipRequest;
import credit.platform.client.registry.CreateSubjectRequest;
import credit.platform.client.registry.ImportSummary;
import credit.platform.client.registry.PermitView;
import credit.platform.client.registry.RelationshipView;
import credit.platform.client.registry.SubjectView;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import credit.platform.identifiers.Identifiers;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The registry's flows through the gateway with real Keycloak tokens: register a person and a
 * company, legal representative as of a day (both ways), passport binding with optimistic
 * locking, an expired permit, an idempotent import, and refusals (invalid identifier, stale
 * version, missing write scope).
 */
@ExtendWith(PlatformExtension.class)
class RegistryFlowsIT {

    static final String PURPOSE = "SUPERVISION";

    /** A fresh resident ID (Beijing Dongcheng, born 1980-1999) so reruns on one stack do not collide. */
    static String newResidentId() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        LocalDate born = LocalDate.of(1980, 1, 1).plusDays(r.nextInt(7000));
        return ResidentIds.withCheckCharacter("110101" + born.toString().replace("-", "") + "%03d".formatted(r.nextInt(1000)));
    }

    /** A fresh enterprise USCC (authority 9, type 1, Xiamen 350200) with both check characters right. */
    static String newUscc() {
        StringBuilder b = new StringBuilder("91350200");
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            body.append((char) ('0' + ThreadLocalRandom.current().nextInt(10)));
        }
        b.append(body).append(Identifiers.organisationCodeCheck(body));
        return b.append(Identifiers.usccCheckCharacter(b)).toString();
    }

    static SubjectView person(PlatformClient registrar, String residentId) {
        return registrar.registry().createSubject(new CreateSubjectRequest("PERSON",
                List.of(new IdentifierDto("RESIDENT_ID", residentId, null)), "系统测试人", "XITONG Ceshi", null));
    }

    static SubjectView company(PlatformClient registrar, String uscc) {
        return registrar.registry().createSubject(new CreateSubjectRequest("LEGAL_ENTITY",
                List.of(new IdentifierDto("USCC", uscc, null)), "系统测试有限公司", null, "350200"));
    }

    @Test
    void legalRepresentativeOfACompanyIsFoundAsOfADayFromBothSides(TestPlatform platform) {
        PlatformClient registrar = platform.clientFor("registrar-demo");
        SubjectView first = person(registrar, newResidentId());
        SubjectView second = person(registrar, newResidentId());
        SubjectView company = company(registrar, newUscc());

        registrar.registry().addRelationship(first.id(), new CreateRelationshipRequest("LEGAL_REPRESENTATIVE",
                company.id(), LocalDate.of(2018, 1, 1), LocalDate.of(2023, 12, 31), null));
        registrar.registry().addRelationship(second.id(), new CreateRelationshipRequest("LEGAL_REPRESENTATIVE",
                company.id(), LocalDate.of(2024, 1, 1), null, null));

        List<RelationshipView> in2020 = registrar.registry().relationships(company.id(), "INCOMING",
                List.of("LEGAL_REPRESENTATIVE"), LocalDate.of(2020, 6, 1), PURPOSE);
        List<RelationshipView> now = registrar.registry().relationships(company.id(), "INCOMING",
                List.of("LEGAL_REPRESENTATIVE"), null, PURPOSE);
        List<RelationshipView> companiesOfFirst = registrar.registry().relationships(first.id(), "OUTGOING",
                List.of("LEGAL_REPRESENTATIVE"), LocalDate.of(2020, 6, 1), PURPOSE);

        assertThat(in2020).extracting(RelationshipView::fromSubjectId).containsExactly(first.id());
        assertThat(now).extracting(RelationshipView::fromSubjectId).containsExactly(second.id());
        assertThat(companiesOfFirst).extracting(RelationshipView::toSubjectId).containsExactly(company.id());
    }

    @Test
    void passportIsBoundWithTheVersionReadAndAStaleVersionIsAConflict(TestPlatform platform) {
        PlatformClient registrar = platform.clientFor("registrar-demo");
        SubjectView person = person(registrar, newResidentId());
        String passport = "E" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));

        SubjectView bound = registrar.registry().addIdentifier(person.id(),
                new AddIdentifierRequest("PASSPORT", passport, "CHN", person.version()));
        ConflictException stale = catchThrowableOfType(ConflictException.class, () -> registrar.registry()
                .addIdentifier(person.id(), new AddIdentifierRequest("PASSPORT", passport + "1", "CHN", person.version())));

        assertThat(bound.version()).isEqualTo(person.version() + 1);
        assertThat(stale.status()).isEqualTo(409);
        assertThat(registrar.registry().getSubject(person.id(), PURPOSE).identifiers())
                .extracting(IdentifierDto::value).containsExactlyInAnyOrder(person.identifiers().getFirst().value(), passport);
        assertThat(registrar.registry().history(person.id(), PURPOSE)).hasSize(2);
    }

    @Test
    void expiredPermitIsReportedAsExpired(TestPlatform platform) {
        PlatformClient registrar = platform.clientFor("registrar-demo");
        SubjectView company = company(registrar, newUscc());
        registrar.registry().addPermit(company.id(), new CreatePermitRequest("食品经营许可证", "厦门市市场监督管理局",
                "JY" + UUID.randomUUID(), LocalDate.of(2019, 1, 1), LocalDate.of(2024, 1, 1), null));
        registrar.registry().addPermit(company.id(), new CreatePermitRequest("排污许可证", "厦门市生态环境局",
                "PW" + UUID.randomUUID(), LocalDate.of(2024, 1, 1), null, null));

        List<PermitView> expired = registrar.registry().permits(company.id(), true, "LICENSING");

        assertThat(expired).singleElement().satisfies(p -> {
            assertThat(p.type()).isEqualTo("食品经营许可证");
            assertThat(p.status()).isEqualTo("EXPIRED");
        });
    }

    @Test
    void importingTheSameRecordsTwiceCreatesNothingTheSecondTime(TestPlatform platform) {
        PlatformClient registrar = platform.clientFor("registrar-demo");
        String personId = newResidentId();
        String uscc = newUscc();
        List<Map<String, Object>> records = List.of(
                Map.of("kind", "PERSON", "name", "导入人", "identifiers", List.of(Map.of("scheme", "RESIDENT_ID", "value", personId))),
                Map.of("kind", "LEGAL_ENTITY", "name", "导入公司", "identifiers", List.of(Map.of("scheme", "USCC", "value", uscc))),
                Map.of("record", "relationship", "type", "SHAREHOLDER", "shareBasisPoints", 5000, "validFrom", "2020-01-01",
                        "from", Map.of("scheme", "RESIDENT_ID", "value", personId), "to", Map.of("scheme", "USCC", "value", uscc)),
                Map.of("kind", "PERSON", "name", "坏", "identifiers", List.of(Map.of("scheme", "RESIDENT_ID", "value", "110105194912310021"))));

        ImportSummary first = registrar.registry().importRecords("it-" + UUID.randomUUID(), records);
        ImportSummary second = registrar.registry().importRecords("it-" + UUID.randomUUID(), records);

        assertThat(first.created()).isEqualTo(3);
        assertThat(first.rejected()).isEqualTo(1);
        assertThat(second.created()).isZero();
        assertThat(second.existing()).isEqualTo(3);
        assertThat(registrar.registry().importStatus(second.id(), "DATA_MAINTENANCE").status()).isEqualTo("COMPLETED");
        assertThat(registrar.registry().importErrors(first.id(), 0, "DATA_MAINTENANCE").errors()).singleElement()
                .satisfies(e -> assertThat(e.message()).isEqualTo("check character is 1, expected X"));
    }

    @Test
    void invalidIdentifierIsRejectedNamingFieldAndRuleAndReadersCannotWrite(TestPlatform platform) {
        PlatformClient registrar = platform.clientFor("registrar-demo");
        PlatformClient court = platform.clientFor("court-demo");
        String residentId = newResidentId();

        InvalidRequestException invalid = catchThrowableOfType(InvalidRequestException.class, () -> registrar.registry()
                .createSubject(new CreateSubjectRequest("PERSON", List.of(new IdentifierDto("RESIDENT_ID",
                        "990101" + residentId.substring(6), null)), "某", null, null)));
        ForbiddenException forbidden = catchThrowableOfType(ForbiddenException.class, () -> person(court, residentId));

        assertThat(invalid.errors()).extracting(FieldError::field, FieldError::rule)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("identifiers[0].value", "address-code"));
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(catchThrowableOfType(credit.platform.client.NotFoundException.class,
                () -> registrar.registry().lookup("RESIDENT_ID", residentId, PURPOSE))).isNotNull();
    }
}
