package credit.platform.lists.record.domain;

import java.time.LocalDate;

/**
 * Which records a page holds; {@code null} fields do not filter.
 *
 * @param listId           records on this list
 * @param issuingAuthority records made by this authority
 * @param inForceOn        records in force (stored status ACTIVE, DISPUTED or EXTENDED) and effective on this day
 * @param identifierValue  records naming their subject by exactly this identifier value
 * @param caseNumber       records of exactly this case number
 */
public record RecordFilter(String listId, String issuingAuthority, LocalDate inForceOn, String identifierValue,
        String caseNumber) {
}
