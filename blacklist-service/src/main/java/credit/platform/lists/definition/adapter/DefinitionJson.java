package credit.platform.lists.definition.adapter;

import credit.platform.lists.definition.domain.ListDefinition;
import credit.platform.lists.definition.domain.ListKind;
import credit.platform.lists.definition.domain.ListingGround;
import credit.platform.lists.definition.domain.Publicity;
import credit.platform.lists.definition.domain.RepairPolicy;
import credit.platform.lists.definition.domain.SubjectKind;
import credit.platform.lists.definition.domain.TermPolicy;
import credit.platform.lists.definition.domain.TimeLimit;
import java.time.Period;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The JSON shape of a list definition's rules: the seed file ({@code lists/list-definitions.json}),
 * the platform admin's edits and the REST view share it. Periods are ISO-8601 ({@code P2Y}).
 */
public record DefinitionJson(String id, String name, String kind, String issuingAuthority, String legalBasis,
        List<String> subjectKinds, String defaultDuration, String minDuration, String maxDuration,
        String minExtension, String maxExtension, Boolean untilDeletionGround, String publicity,
        Limit objectionWindow, Limit objectionDecision, Limit removalDeadline, Boolean excludesMinors,
        Repair repair, List<Ground> grounds) {

    public DefinitionJson(String id, String name, String kind, String issuingAuthority, String legalBasis,
            List<String> subjectKinds, String defaultDuration, String minDuration, String maxDuration,
            String minExtension, String maxExtension, Boolean untilDeletionGround, String publicity,
            Limit objectionWindow, Limit objectionDecision, Limit removalDeadline, Boolean excludesMinors,
            Repair repair) {
        this(id, name, kind, issuingAuthority, legalBasis, subjectKinds, defaultDuration, minDuration, maxDuration,
                minExtension, maxExtension, untilDeletionGround, publicity, objectionWindow, objectionDecision,
                removalDeadline, excludesMinors, repair, null);
    }

    /** A numbered listing ground; {@code openEnded}: a record on it may last until a deletion ground arises. */
    public record Ground(String code, String title, Boolean openEnded) {
    }

    /** A time limit: {@code amount} DAYS or WORKING_DAYS. */
    public record Limit(int amount, String unit) {
        TimeLimit toDomain() {
            return new TimeLimit(amount, TimeLimit.Unit.valueOf(unit));
        }

        static Limit of(TimeLimit limit) {
            return limit == null ? null : new Limit(limit.amount(), limit.unit().name());
        }
    }

    /** Credit repair: allowed after {@code minimumPublicity} (ISO period), decided within {@code decision}. */
    public record Repair(String minimumPublicity, Limit decision) {
    }

    /**
     * The domain definition.
     *
     * @throws IllegalArgumentException (or a parse exception) naming what is wrong
     */
    public ListDefinition toDomain() {
        Set<SubjectKind> kinds = subjectKinds == null ? Set.of()
                : subjectKinds.stream().map(SubjectKind::valueOf).collect(Collectors.toSet());
        TermPolicy term = new TermPolicy(period(defaultDuration), period(minDuration), period(maxDuration),
                period(minExtension), period(maxExtension), Boolean.TRUE.equals(untilDeletionGround));
        return new ListDefinition(id, name, ListKind.valueOf(kind), issuingAuthority, legalBasis, kinds, term,
                Publicity.valueOf(publicity), limit(objectionWindow), limit(objectionDecision),
                limit(removalDeadline), Boolean.TRUE.equals(excludesMinors),
                repair == null ? null : new RepairPolicy(Period.parse(repair.minimumPublicity()),
                        repair.decision().toDomain()),
                grounds == null ? List.of() : grounds.stream()
                        .map(g -> new ListingGround(g.code(), g.title(), Boolean.TRUE.equals(g.openEnded()))).toList());
    }

    public static DefinitionJson of(ListDefinition d) {
        TermPolicy t = d.term();
        return new DefinitionJson(d.id(), d.name(), d.kind().name(), d.issuingAuthority(), d.legalBasis(),
                d.subjectKinds().stream().map(Enum::name).sorted().toList(), text(t.defaultDuration()),
                text(t.minDuration()), text(t.maxDuration()), text(t.minExtension()), text(t.maxExtension()),
                t.untilDeletionGround(), d.publicity().name(), Limit.of(d.objectionWindow()),
                Limit.of(d.objectionDecision()), Limit.of(d.removalDeadline()), d.excludesMinors(),
                d.repair() == null ? null
                        : new Repair(d.repair().minimumPublicity().toString(), Limit.of(d.repair().decision())),
                d.grounds().isEmpty() ? null
                        : d.grounds().stream().map(g -> new Ground(g.code(), g.title(), g.openEnded())).toList());
    }

    private static String text(Period p) {
        return p == null ? null : p.toString();
    }

    private static Period period(String iso) {
        return iso == null ? null : Period.parse(iso);
    }

    private static TimeLimit limit(Limit limit) {
        return limit == null ? null : limit.toDomain();
    }
}
