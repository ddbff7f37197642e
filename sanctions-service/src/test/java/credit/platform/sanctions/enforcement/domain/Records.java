package credit.platform.sanctions.enforcement.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

/** Test-data builder: {@code aRecord().on(SPC_DEBTORS).about("subj-1", key).from(d).until(d)}. */
public final class Records {

    public static final String SPC_DEBTORS = "spc-dishonest-debtors";
    public static final String RAIL_SAFETY = "rail-safety-offenders";
    public static final String NDRC_SERIOUS = "ndrc-serious-dishonesty-travel";
    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private String recordId = UUID.randomUUID().toString();
    private String listId = SPC_DEBTORS;
    private String listKind = "BLACK";
    private String subjectId = "subj-1";
    private SubjectKey named = SubjectKey.residentId("11010519491231002X");
    private String authority = "Beijing No. 2 Intermediate People's Court";
    private RecordState state = RecordState.ACTIVE;
    private Instant from = day(2026, 1, 1);
    private Instant until;

    public static Records aRecord() {
        return new Records();
    }

    public static Instant day(int y, int m, int d) {
        return LocalDate.of(y, m, d).atStartOfDay(CHINA).toInstant();
    }

    public Records id(String id) {
        this.recordId = id;
        return this;
    }

    public Records on(String list) {
        this.listId = list;
        return this;
    }

    public Records kind(String kind) {
        this.listKind = kind;
        return this;
    }

    public Records about(String subject, SubjectKey key) {
        this.subjectId = subject;
        this.named = key;
        return this;
    }

    public Records from(Instant i) {
        this.from = i;
        return this;
    }

    public Records until(Instant i) {
        this.until = i;
        return this;
    }

    public Records state(RecordState s) {
        this.state = s;
        return this;
    }

    public FeedRecord build() {
        return new FeedRecord(recordId, listId, listKind, subjectId, named, authority, state, from, until);
    }
}
