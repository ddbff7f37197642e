package credit.platform.lists.selfservice.adapter.rest;

import credit.platform.common.web.FieldViolation;
import credit.platform.common.web.InvalidRequestException;
import credit.platform.lists.definition.domain.ListCatalog;
import credit.platform.lists.definition.domain.Publicity;
import credit.platform.lists.definition.domain.WorkingCalendar;
import credit.platform.lists.record.domain.RecordService;
import credit.platform.lists.selfservice.adapter.rest.SelfServiceJson.Page;
import credit.platform.lists.selfservice.adapter.rest.SelfServiceJson.PublicEntryView;
import credit.platform.lists.selfservice.adapter.rest.SelfServiceJson.PublicListView;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Public reads, no token (the public portal): the lists whose definition says PUBLIC and their rules;
 * a public list's records in force, persons' identifiers masked ({@code IdentifierMask}); a company's
 * records in force on public lists by its USCC. Nothing from SHARED or RESTRICTED lists, nothing
 * removed, expired or not yet effective, no history, no internal ids.
 */
@RestController
class PublicListsController {

    private static final int MAX_PAGE = 100;

    private final RecordService records;
    private final ListCatalog lists;
    private final WorkingCalendar calendar;

    PublicListsController(RecordService records, ListCatalog lists, WorkingCalendar calendar) {
        this.records = records;
        this.lists = lists;
        this.calendar = calendar;
    }

    @GetMapping("/api/v1/public/lists")
    List<PublicListView> publicLists() {
        return lists.all().stream().filter(d -> d.publicity() == Publicity.PUBLIC).map(PublicListView::of).toList();
    }

    /**
     * @param identifier only entries naming exactly this identifier (a full resident ID or USCC: "is this
     *                   person listed?"); the answer still shows it masked
     * @param caseNumber only entries of exactly this case number
     */
    @GetMapping("/api/v1/public/lists/{listId}/records")
    Page<PublicEntryView> entries(@PathVariable String listId, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size, @RequestParam(required = false) String identifier,
            @RequestParam(required = false) String caseNumber) {
        List<FieldViolation> violations = new ArrayList<>();
        if (page < 0) {
            violations.add(new FieldViolation("page", "min", "page starts at 0"));
        }
        if (size < 1 || size > MAX_PAGE) {
            violations.add(new FieldViolation("size", "range", "size is 1 to " + MAX_PAGE));
        }
        if (identifier != null && identifier.strip().length() > 40) {
            violations.add(new FieldViolation("identifier", "max-length", "identifier has at most 40 characters"));
        }
        if (caseNumber != null && caseNumber.strip().length() > 200) {
            violations.add(new FieldViolation("caseNumber", "max-length", "caseNumber has at most 200 characters"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        var list = lists.get(listId);
        RecordService.RecordPage result = records.publicPage(listId, blankToNull(identifier, true),
                blankToNull(caseNumber, false), page, size);
        return new Page<>(result.items().stream().map(r -> PublicEntryView.of(r, list, calendar)).toList(),
                result.page(), result.size(), result.total());
    }

    @GetMapping("/api/v1/public/companies/{uscc}/records")
    List<PublicEntryView> companyRecords(@PathVariable String uscc) {
        String value = uscc.strip().toUpperCase(Locale.ROOT);
        if (value.length() != 18) {
            throw new InvalidRequestException(List.of(new FieldViolation("uscc", "length",
                    "a unified social credit code has 18 characters")));
        }
        return records.publicRecordsOf(value).stream()
                .map(r -> PublicEntryView.of(r, lists.get(r.listId()), calendar)).toList();
    }

    private static String blankToNull(String s, boolean upper) {
        if (s == null || s.isBlank()) {
            return null;
        }
        return upper ? s.strip().toUpperCase(Locale.ROOT) : s.strip();
    }
}
