package credit.platform.lists.definition.domain;

import java.util.Objects;
import java.util.Set;

/**
 * A list kept on the platform: who issues it, under which law, whom it may name, how long its
 * records last and the deadlines its authority must keep.
 *
 * @param issuingAuthority  the agency code owning the list ({@code SPC}, {@code NRA}, {@code SAMR}, …),
 *                          or {@link #ANY_AUTHORITY} for lists any authority writes its own records to
 *                          (publicity of administrative penalties)
 * @param objectionWindow   how long after publication a subject may object; {@code null} when at any time
 * @param objectionDecision how long the authority has to decide an objection; {@code null} when unset
 * @param removalDeadline   how soon after a deletion ground an entry must be removed
 * @param excludesMinors    minors are never named (SPC, 2017 art. 3)
 * @param repair            credit-repair rules; {@code null} when records on this list cannot be repaired
 * @param grounds           the list's numbered listing grounds (empty when it has none); when a list has
 *                          them, only an open-ended ground lets a record last until a deletion ground
 */
public record ListDefinition(
        String id,
        String name,
        ListKind kind,
        String issuingAuthority,
        String legalBasis,
        Set<SubjectKind> subjectKinds,
        TermPolicy term,
        Publicity publicity,
        TimeLimit objectionWindow,
        TimeLimit objectionDecision,
        TimeLimit removalDeadline,
        boolean excludesMinors,
        RepairPolicy repair,
        java.util.List<ListingGround> grounds) {

    public ListDefinition(String id, String name, ListKind kind, String issuingAuthority, String legalBasis,
            Set<SubjectKind> subjectKinds, TermPolicy term, Publicity publicity, TimeLimit objectionWindow,
            TimeLimit objectionDecision, TimeLimit removalDeadline, boolean excludesMinors, RepairPolicy repair) {
        this(id, name, kind, issuingAuthority, legalBasis, subjectKinds, term, publicity, objectionWindow,
                objectionDecision, removalDeadline, excludesMinors, repair, java.util.List.of());
    }

    /** The listing ground with this code, if the list has it. */
    public java.util.Optional<ListingGround> ground(String code) {
        return grounds.stream().filter(g -> g.code().equals(code)).findFirst();
    }

    /** Objections are decided within this when the list names no limit of its own (platform default). */
    public static final TimeLimit DEFAULT_OBJECTION_DECISION = TimeLimit.days(15);

    /** How long the authority has to decide an objection. */
    public TimeLimit objectionDecisionOrDefault() {
        return objectionDecision != null ? objectionDecision : DEFAULT_OBJECTION_DECISION;
    }

    /** Entries are removed within this of a deletion ground when the list names no limit of its own (platform default). */
    public static final TimeLimit DEFAULT_REMOVAL_DEADLINE = TimeLimit.workingDays(3);

    /** How long the authority has to remove a record once a deletion ground is reported. */
    public TimeLimit removalDeadlineOrDefault() {
        return removalDeadline != null ? removalDeadline : DEFAULT_REMOVAL_DEADLINE;
    }

    /** Any administrative authority, each writing records of its own penalty decisions. */
    public static final String ANY_AUTHORITY = "ANY";

    public ListDefinition {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(issuingAuthority, "issuingAuthority");
        Objects.requireNonNull(legalBasis, "legalBasis");
        Objects.requireNonNull(term, "term");
        Objects.requireNonNull(publicity, "publicity");
        subjectKinds = Set.copyOf(subjectKinds);
        grounds = grounds == null ? java.util.List.of() : java.util.List.copyOf(grounds);
        if (grounds.stream().anyMatch(ListingGround::openEnded) && !term.untilDeletionGround()) {
            throw new IllegalArgumentException("list " + id + " has an open-ended ground but records with a fixed term only");
        }
        if (subjectKinds.isEmpty()) {
            throw new IllegalArgumentException("list " + id + " names no subject kind");
        }
    }

    /** Whether an agency may write records on this list ("whoever designates it owns it"). */
    public boolean isOwnedBy(String agency) {
        if (agency == null || agency.isBlank()) {
            return false;
        }
        return ANY_AUTHORITY.equals(issuingAuthority) || issuingAuthority.equals(agency);
    }
}
