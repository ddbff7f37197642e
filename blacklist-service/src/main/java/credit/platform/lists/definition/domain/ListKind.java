package credit.platform.lists.definition.domain;

/** What a list means for the subjects on it. */
public enum ListKind {
    /** Adverse: joint sanctions follow (e.g. the SPC's dishonest judgment debtors). */
    BLACK,
    /** Favourable: rewards follow (e.g. grade-A taxpayers, customs AEO). */
    RED,
    /** Adverse but lighter: irregularities such as the SAMR abnormal-operations list. */
    IRREGULARITY,
    /** Under observation, no measure yet. */
    WATCH,
    /** Publicity of administrative-penalty decisions (NDRC Order 36). */
    PENALTY
}
