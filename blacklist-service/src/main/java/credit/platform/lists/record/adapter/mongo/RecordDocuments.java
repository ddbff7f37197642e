package credit.platform.lists.record.adapter.mongo;

import credit.platform.lists.definition.domain.ListKind;
import credit.platform.lists.definition.domain.Term;
import credit.platform.lists.record.domain.ChangeType;
import credit.platform.identifiers.IdentifierScheme;
import credit.platform.lists.record.domain.ListRecord;
import credit.platform.lists.record.domain.RecordEvent;
import credit.platform.lists.record.domain.RecordStatus;
import credit.platform.lists.record.domain.RemovalGround;
import credit.platform.lists.record.domain.SubjectIdentifier;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import org.bson.Document;

/**
 * The BSON shape of a record, shared by the records collection and the change log (whose entries
 * carry the record as it was after the change). Dates are ISO strings: terms are calendar days.
 */
public final class RecordDocuments {

    private RecordDocuments() {
    }

    public static Document toDocument(ListRecord r) {
        Term term = r.term();
        return new Document("_id", r.id())
                .append("listId", r.listId())
                .append("listKind", r.listKind().name())
                .append("subjectId", r.subjectId())
                .append("identifier", new Document("scheme", r.identifier().scheme().name())
                        .append("value", r.identifier().value())
                        .append("issuingCountry", r.identifier().issuingCountry()))
                .append("issuingAuthority", r.issuingAuthority())
                .append("legalBasis", r.legalBasis())
                .append("caseNumber", r.caseNumber())
                .append("legalGround", r.legalGround())
                .append("facts", r.facts())
                .append("status", r.status().name())
                .append("effectiveFrom", term.from().toString())
                .append("effectiveUntil", term.until() == null ? null : term.until().toString())
                .append("version", r.version())
                .append("createdAt", Date.from(r.createdAt()))
                .append("history", r.history().stream().map(RecordDocuments::event).toList())
                .append("ground", r.ground());
    }

    public static ListRecord toRecord(Document d) {
        Document id = d.get("identifier", Document.class);
        String until = d.getString("effectiveUntil");
        List<RecordEvent> history = d.getList("history", Document.class).stream()
                .map(e -> new RecordEvent(e.getString("eventId"), ChangeType.valueOf(e.getString("type")),
                        e.getString("actor"), e.getDate("at").toInstant(), e.getString("reason"),
                        e.getString("ground") == null ? null : RemovalGround.valueOf(e.getString("ground"))))
                .toList();
        return new ListRecord(d.getString("_id"), d.getString("listId"), ListKind.valueOf(d.getString("listKind")),
                d.getString("subjectId"),
                new SubjectIdentifier(IdentifierScheme.valueOf(id.getString("scheme")), id.getString("value"),
                        id.getString("issuingCountry")),
                d.getString("issuingAuthority"), d.getString("legalBasis"), d.getString("caseNumber"),
                d.getString("legalGround"), d.getString("facts"), RecordStatus.valueOf(d.getString("status")),
                new Term(LocalDate.parse(d.getString("effectiveFrom")), until == null ? null : LocalDate.parse(until)),
                ((Number) d.get("version")).longValue(), d.getDate("createdAt").toInstant(), history,
                d.getString("ground"));
    }

    private static Document event(RecordEvent e) {
        return new Document("eventId", e.eventId())
                .append("type", e.type().name())
                .append("actor", e.actor())
                .append("at", Date.from(e.at()))
                .append("reason", e.reason())
                .append("ground", e.ground() == null ? null : e.ground().name());
    }
}
