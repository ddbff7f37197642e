package credit.platform.registry.subject.adapter.rest;

import credit.platform.identifiers.Identifier;
import credit.platform.registry.subject.domain.Subject;
import credit.platform.registry.subject.domain.SubjectDraft;
import credit.platform.registry.subject.domain.SubjectHistoryEntry;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The REST shapes of subjects (the platform-client SDK mirrors them). */
final class SubjectJson {

    private SubjectJson() {
    }

    /**
     * @param override a registrar's explicit override of a USCC check character (authorised clients only);
     *                 the subject is then flagged for review
     */
    record IdentifierDto(String scheme, String value, String issuingCountry, Boolean override) {
        static IdentifierDto of(Identifier i) {
            return new IdentifierDto(i.scheme().name(), i.value(), i.issuingCountry().isEmpty() ? null : i.issuingCountry(),
                    i.checkCharacterOverridden() ? Boolean.TRUE : null);
        }

        SubjectDraft.IdentifierDraft draft() {
            return new SubjectDraft.IdentifierDraft(scheme, value, issuingCountry, Boolean.TRUE.equals(override));
        }
    }

    /** @param birthDate a person's birth date (yyyy-MM-dd), for persons whose identifiers carry none (passports) */
    record CreateSubjectRequest(String kind, List<IdentifierDto> identifiers, String name, String latinName,
            String registrationRegion, String birthDate) {
        SubjectDraft draft() {
            return new SubjectDraft(kind, identifiers == null ? null
                    : identifiers.stream().map(i -> i == null ? null : i.draft()).toList(), name, latinName,
                    registrationRegion, birthDate);
        }
    }

    /** Unbinds an identifier from the subject. */
    record RemoveIdentifierRequest(String scheme, String value, String issuingCountry, Long expectedVersion) {
    }

    record AddIdentifierRequest(String scheme, String value, String issuingCountry, Boolean override,
            Long expectedVersion) {
    }

    record StatusChangeRequest(String status, LocalDate date, Long expectedVersion) {
    }

    record ReviewRequest(Long expectedVersion) {
    }

    record SubjectView(String id, String kind, List<IdentifierDto> identifiers, String name, String latinName,
            String status, LocalDate statusDate, String registrationRegion, boolean flaggedForReview, long version,
            Instant createdAt, LocalDate birthDate) {
        static SubjectView of(Subject s) {
            return new SubjectView(s.id(), s.kind().name(), s.identifiers().stream().map(IdentifierDto::of).toList(),
                    s.name(), s.latinName(), s.status().name(), s.statusDate(), s.registrationRegion(),
                    s.flaggedForReview(), s.version(), s.createdAt(), s.birthDate());
        }
    }

    record HistoryEntryView(long version, String change, String actor, Instant at, SubjectView after) {
        static HistoryEntryView of(SubjectHistoryEntry e) {
            return new HistoryEntryView(e.version(), e.change(), e.actor(), e.at(), SubjectView.of(e.after()));
        }
    }
}
