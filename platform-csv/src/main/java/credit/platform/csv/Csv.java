package credit.platform.csv;

import java.util.ArrayList;
import java.util.List;

/**
 * The platform's CSV lines (RFC 4180 cells, one record per line): a cell may be quoted, and a quoted
 * cell may hold commas and doubled quotes ({@code ""} for one {@code "}). The registry's bulk import reads
 * them, the agency CLI reads and writes them: one splitter, so the two never disagree on a line.
 *
 * <p>Reading is lenient where RFC 4180 is strict, as it always was here: a quote inside an unquoted
 * cell opens a quoted stretch of that cell ({@code a"b,c"d} is the one cell {@code ab,cd}). A line
 * whose quote is never closed (an odd number of {@code "}) has no cells.
 */
public final class Csv {

    private Csv() {
    }

    /** The cells of one line; null when a quote is left open. */
    public static List<String> split(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        if (quoted) {
            return null;
        }
        cells.add(cell.toString());
        return cells;
    }

    /** One line of cells, each quoted only when it must be (null is an empty cell). */
    public static String line(List<?> cells) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            Object value = cells.get(i);
            String s = value == null ? "" : value.toString();
            if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
                out.append('"').append(s.replace("\"", "\"\"")).append('"');
            } else {
                out.append(s);
            }
        }
        return out.toString();
    }

    /** A file's first line without its UTF-8 byte-order mark, if it has one. */
    public static String withoutBom(String line) {
        return !line.isEmpty() && line.charAt(0) == '\uFEFF' ? line.substring(1) : line;
    }
}
