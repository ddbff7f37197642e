package credit.platform.scoring.score.domain;

/** The kinds of list a record can be on (lists service contract). */
public enum ListKind {
    BLACK, RED, IRREGULARITY, WATCH, PENALTY
}
