package credit.platform.registry.subject.adapter.rest;

import credit.platform.registry.subject.domain.Identifier;
import credit.platform.registry.subject.domain.Subject;
import java.time.Instant;
import java.util.List;

/** The REST shapes of subjects (the platform-client SDK mirrors them). */
final class SubjectJson {

    private SubjectJson() {
    }

    record IdentifierDto(String scheme, String value, String issuingCountry) {
        static IdentifierDto of(Identifier i) {
            return new IdentifierDto(i.scheme().name(), i.value(), i.issuingCountry().isEmpty() ? null : i.issuingCountry());
        }
    }

    record CreateSubjectRequest(String kind, List<IdentifierDto> identifiers, String name, String latinName,
            String registrationRegion) {
    }

    record SubjectView(String id, String kind, List<IdentifierDto> identifiers, String name, String latinName,
            String status, String registrationRegion, boolean flaggedForReview, long version, Instant createdAt) {
        static SubjectView of(Subject s) {
            return new SubjectView(s.id(), s.kind().name(), s.identifiers().stream().map(IdentifierDto::of).toList(),
                    s.name(), s.latinName(), s.status().name(), s.registrationRegion(), s.flaggedForReview(),
                    s.version(), s.createdAt());
        }
    }
}
