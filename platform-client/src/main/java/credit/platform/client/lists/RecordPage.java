package credit.platform.client.lists;

import java.util.List;

/** One page of a list's records, newest first, and the total across pages. */
public record RecordPage(List<RecordView> items, int page, int size, long total) {
}
