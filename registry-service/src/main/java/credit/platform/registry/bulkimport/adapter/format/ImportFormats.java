package credit.platform.registry.bulkimport.adapter.format;

import credit.platform.csv.Csv;
import credit.platform.registry.bulkimport.domain.ImportLine;
import credit.platform.registry.subject.domain.SubjectDraft;
import credit.platform.registry.subject.domain.SubjectDraft.IdentifierDraft;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads import files lazily, one line at a time (constant memory for any size).
 *
 * <p>NDJSON: one object per line, {@code "record"} is {@code subject} (default),
 * {@code relationship} or {@code permit}:
 * <pre>
 * {"kind":"PERSON","identifiers":[{"scheme":"RESIDENT_ID","value":"11010519491231002X"}],"name":"张三"}
 * {"record":"relationship","type":"LEGAL_REPRESENTATIVE","from":{"scheme":"RESIDENT_ID","value":"…"},
 *  "to":{"scheme":"USCC","value":"…"},"validFrom":"2020-01-01","validTo":null}
 * {"record":"permit","holder":{"scheme":"USCC","value":"…"},"type":"食品经营许可证","issuer":"…",
 *  "number":"…","validFrom":"2020-01-01","validTo":"2025-01-01"}
 * </pre>
 * CSV (subjects only; the platform's CSV lines, {@link Csv}), header required:
 * {@code kind,scheme,value,issuingCountry,name,latinName,registrationRegion}.
 */
public final class ImportFormats {

    public static final List<String> CSV_HEADER = List.of("kind", "scheme", "value", "issuingCountry", "name",
            "latinName", "registrationRegion");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Reads one element of an array at a time: what follows the element is not a "trailing token". */
    private static final JsonMapper ELEMENTS = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    private ImportFormats() {
    }

    public static Iterator<ImportLine.Numbered> ndjson(BufferedReader reader) {
        return new Lines(reader, false, ImportFormats::ndjsonLine);
    }

    public static Iterator<ImportLine.Numbered> csv(BufferedReader reader) {
        return new Lines(reader, true, ImportFormats::csvLine);
    }

    /**
     * A JSON array of the same objects as NDJSON lines, read element by element (constant memory);
     * the element's position (1-based) stands for the line number.
     */
    public static Iterator<ImportLine.Numbered> jsonArray(BufferedReader reader) {
        JsonParser parser = ELEMENTS.createParser(reader);
        if (parser.nextToken() != JsonToken.START_ARRAY) {
            return List.of(new ImportLine.Numbered(1, new ImportLine.Unreadable("json",
                    "the body must be a JSON array of records"))).iterator();
        }
        return new Iterator<>() {
            private long n;
            private JsonToken token = parser.nextToken();

            @Override
            public boolean hasNext() {
                return token != null && token != JsonToken.END_ARRAY;
            }

            @Override
            public ImportLine.Numbered next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                try {
                    JsonNode node = ELEMENTS.readTree(parser);
                    token = parser.nextToken();
                    return new ImportLine.Numbered(++n, record(node));
                } catch (JacksonException e) {
                    token = null; // a broken array cannot be read further
                    return new ImportLine.Numbered(++n, new ImportLine.Unreadable("json",
                            "element " + n + " is not valid JSON; the rest of the array was not read"));
                }
            }
        };
    }

    static ImportLine ndjsonLine(String text) {
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (JacksonException e) {
            return new ImportLine.Unreadable("json", "the line is not a JSON object");
        }
        return record(node);
    }

    static ImportLine record(JsonNode node) {
        if (node == null || !node.isObject()) {
            return new ImportLine.Unreadable("json", "the line is not a JSON object");
        }
        String record = text(node, "record");
        return switch (record == null ? "subject" : record) {
            case "subject" -> {
                List<IdentifierDraft> identifiers = new ArrayList<>();
                JsonNode ids = node.get("identifiers");
                if (ids != null && ids.isArray()) {
                    ids.forEach(i -> identifiers.add(identifier(i)));
                }
                yield new ImportLine.SubjectLine(new SubjectDraft(text(node, "kind"), identifiers, text(node, "name"),
                        text(node, "latinName"), text(node, "registrationRegion")));
            }
            case "relationship" -> new ImportLine.RelationshipLine(text(node, "type"), identifier(node.get("from")),
                    identifier(node.get("to")), text(node, "validFrom"), text(node, "validTo"),
                    node.has("shareBasisPoints") ? node.get("shareBasisPoints").asInt() : 0);
            case "permit" -> new ImportLine.PermitLine(identifier(node.get("holder")), text(node, "type"),
                    text(node, "issuer"), text(node, "number"), text(node, "validFrom"), text(node, "validTo"),
                    text(node, "status"));
            default -> new ImportLine.Unreadable("record",
                    "record must be one of subject, relationship, permit");
        };
    }

    static ImportLine csvLine(String text) {
        List<String> cells = Csv.split(text);
        if (cells == null) {
            return new ImportLine.Unreadable("csv", "an opening quote is never closed");
        }
        if (cells.size() != CSV_HEADER.size()) {
            return new ImportLine.Unreadable("csv", "the line has " + cells.size() + " columns, the header "
                    + CSV_HEADER.size());
        }
        return new ImportLine.SubjectLine(new SubjectDraft(blank(cells.get(0)),
                List.of(new IdentifierDraft(blank(cells.get(1)), blank(cells.get(2)), blank(cells.get(3)), false)),
                blank(cells.get(4)), blank(cells.get(5)), blank(cells.get(6))));
    }

    private static IdentifierDraft identifier(JsonNode node) {
        if (node == null || !node.isObject()) {
            return null;
        }
        return new IdentifierDraft(text(node, "scheme"), text(node, "value"), text(node, "issuingCountry"), false);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** Lazily numbered lines; blank lines are skipped but counted. */
    private static final class Lines implements Iterator<ImportLine.Numbered> {
        private final BufferedReader reader;
        private final Function<String, ImportLine> parse;
        private long number;
        private ImportLine.Numbered next;
        private boolean header;

        Lines(BufferedReader reader, boolean header, Function<String, ImportLine> parse) {
            this.reader = reader;
            this.header = header;
            this.parse = parse;
        }

        @Override
        public boolean hasNext() {
            while (next == null) {
                String text;
                try {
                    text = reader.readLine();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                if (text == null) {
                    return false;
                }
                number++;
                if (number == 1) {
                    text = Csv.withoutBom(text);
                }
                if (header) {
                    header = false;
                    List<String> cells = Csv.split(text.strip());
                    if (cells == null || !cells.stream().map(String::strip).toList().equals(CSV_HEADER)) {
                        next = new ImportLine.Numbered(number, new ImportLine.Unreadable("csv-header",
                                "the first line must be the header " + String.join(",", CSV_HEADER)));
                    }
                    continue;
                }
                if (!text.isBlank()) {
                    next = new ImportLine.Numbered(number, parse.apply(text));
                }
            }
            return true;
        }

        @Override
        public ImportLine.Numbered next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            ImportLine.Numbered result = next;
            next = null;
            return result;
        }
    }
}
