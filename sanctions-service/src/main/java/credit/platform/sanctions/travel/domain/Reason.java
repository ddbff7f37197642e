package credit.platform.sanctions.travel.domain;

/**
 * Why a measure applies: the rule's reason code, the measure, the issuing authority, the record to
 * quote, where and how to contest it, and — through a company — in what capacity. Nothing else
 * about the person.
 *
 * @param listId   kept in the decision log, not sent to the caller
 * @param capacity e.g. "as legal representative of 91350200776049653A"; empty for the listed subject
 */
public record Reason(String code, String measure, String authority, String recordRef, String appeal, String capacity,
        String listId) {
}
