package credit.platform.lists.selfservice.adapter.rest;

import credit.platform.lists.application.domain.Application;
import credit.platform.lists.definition.adapter.DefinitionJson;
import credit.platform.lists.definition.domain.ListDefinition;
import credit.platform.lists.definition.domain.WorkingCalendar;
import credit.platform.lists.record.domain.IdentifierMask;
import credit.platform.lists.record.domain.ListRecord;
import credit.platform.lists.record.domain.RecordEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The REST shapes of the public, self-service and desk routes. */
final class SelfServiceJson {

    private SelfServiceJson() {
    }

    /** One step of a record's history. */
    record StepView(String type, String actor, Instant at, String reason, String ground) {
        static StepView of(RecordEvent e) {
            return new StepView(e.type().name(), e.actor(), e.at(), e.reason(), e.ground() == null ? null : e.ground().name());
        }
    }

    /**
     * How a record can be challenged, from its list's rules: the last day to object (null: any time
     * while in force), how long the authority has to decide, from when repair may be applied for (null:
     * the list allows none), how soon a reported deletion ground is acted on.
     */
    record Remedies(LocalDate objectionLastDay, String objectionDecidedWithin, boolean repairable,
            LocalDate repairFrom, String repairDecidedWithin, String deletionActedOnWithin) {
        static Remedies of(ListRecord r, ListDefinition list, WorkingCalendar calendar) {
            LocalDate published = LocalDate.ofInstant(r.createdAt(), ListRecord.CALENDAR);
            return new Remedies(
                    lastDayToObject(list, published, calendar),
                    list.objectionDecisionOrDefault().toString(),
                    list.repair() != null,
                    list.repair() == null ? null : list.repair().earliestApplication(r.term().from()),
                    list.repair() == null ? null : list.repair().decision().toString(),
                    list.removalDeadlineOrDefault().toString());
        }
    }

    /**
     * The last day to object; null when the list sets no window, or while the window runs into a year
     * without a holiday file (not counted on weekends alone).
     */
    private static LocalDate lastDayToObject(ListDefinition list, LocalDate published, WorkingCalendar calendar) {
        try {
            return list.objectionWindow() == null ? null : list.objectionWindow().lastDayAfter(published, calendar);
        } catch (credit.platform.lists.definition.domain.CalendarYearMissingException e) {
            return null;
        }
    }

    /** A record as its own subject sees it: everything, with its history and the ways to challenge it. */
    record OwnRecordView(String id, String subjectId, String listId, String listName, String listKind, String issuingAuthority,
            String legalBasis, String caseNumber, String legalGround, String facts, String status,
            LocalDate effectiveFrom, LocalDate effectiveUntil, boolean untilDeletionGround, Instant createdAt,
            long version, List<StepView> history, Remedies remedies) {
        static OwnRecordView of(ListRecord r, ListDefinition list, LocalDate today, WorkingCalendar calendar) {
            return new OwnRecordView(r.id(), r.subjectId(), r.listId(), list.name(), r.listKind().name(), r.issuingAuthority(),
                    r.legalBasis(), r.caseNumber(), r.legalGround(), r.facts(), r.statusOn(today).name(),
                    r.term().from(), r.term().until(), r.term().until() == null, r.createdAt(), r.version(),
                    r.history().stream().map(StepView::of).toList(), Remedies.of(r, list, calendar));
        }
    }

    /**
     * An application as its filer or its decider sees it; {@code workingDaysLeft} negative = overdue by so
     * many; {@code decideBy} and {@code workingDaysLeft} null while {@code deadlinePending} says why the
     * deadline cannot be counted yet (a year without a holiday file).
     */
    record ApplicationView(String id, String kind, String recordId, String listId, String authority, String filedBy,
            String reason, String ground, Instant filedAt, LocalDate decideBy, Integer workingDaysLeft, boolean overdue,
            String status, Instant decidedAt, String decidedBy, String decisionReason, String deadlinePending) {
        static ApplicationView of(Application a, WorkingCalendar calendar, LocalDate today) {
            var left = calendar.workingDaysLeftIfKnown(today, a.decideBy());
            return of(a, left.isPresent() ? left.getAsInt() : null, today);
        }

        static ApplicationView of(Application a, Integer workingDaysLeft, LocalDate today) {
            return new ApplicationView(a.id(), a.kind().name(), a.recordId(), a.listId(), a.authority(), a.filedBy(),
                    a.reason(), a.ground() == null ? null : a.ground().name(), a.filedAt(), a.decideBy(),
                    workingDaysLeft, a.isOverdueOn(today), a.status().name(), a.decidedAt(), a.decidedBy(),
                    a.decisionReason(), a.deadlinePending());
        }
    }

    /** One of the subject's records with the applications filed on it. */
    record OwnRecordDetail(OwnRecordView record, List<ApplicationView> applications) {
    }

    /** An application awaiting the desk, with the record it is about. */
    record DeskItem(ApplicationView application, OwnRecordView record) {
    }

    /** A page of records. */
    record Page<T>(List<T> items, int page, int size, long total) {
    }

    /** A public list and its rules (the same definition the lists service applies). */
    record PublicListView(String id, String name, String kind, String issuingAuthority, String legalBasis,
            DefinitionJson rules) {
        static PublicListView of(ListDefinition d) {
            return new PublicListView(d.id(), d.name(), d.kind().name(), d.issuingAuthority(), d.legalBasis(),
                    DefinitionJson.of(d));
        }
    }

    /**
     * What the public sees of a record on a PUBLIC list: the subject's identifier in its public form
     * ({@link IdentifierMask}: a person's masked, a company's whole), the list, the authority, the case,
     * the conduct and the dates — no history, no internal ids.
     */
    record PublicEntryView(String listId, String listName, String listKind, String subjectKind,
            String identifier, String issuingAuthority, String legalBasis, String caseNumber, String legalGround,
            String facts, LocalDate effectiveFrom, LocalDate effectiveUntil, boolean untilDeletionGround,
            Remedies remedies) {
        static PublicEntryView of(ListRecord r, ListDefinition list, WorkingCalendar calendar) {
            String kind = r.identifier().scheme() == credit.platform.identifiers.IdentifierScheme.USCC
                    ? "LEGAL_ENTITY" : "PERSON";
            return new PublicEntryView(r.listId(), list.name(), r.listKind().name(), kind,
                    IdentifierMask.publicForm(r.identifier()), r.issuingAuthority(), r.legalBasis(), r.caseNumber(),
                    r.legalGround(), r.facts(), r.term().from(), r.term().until(), r.term().until() == null,
                    Remedies.of(r, list, calendar));
        }
    }

    record FilingRequest(String reason) {
    }

    record DeletionFilingRequest(String ground, String reason) {
    }

    record DecisionRequest(String outcome, String reason) {
    }
}
