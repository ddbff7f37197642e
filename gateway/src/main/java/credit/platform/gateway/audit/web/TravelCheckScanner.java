package credit.platform.gateway.audit.web;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.async.ByteArrayFeeder;
import tools.jackson.core.json.JsonFactory;

/**
 * Reads a REST travel check <b>as it streams</b>, chunk by chunk, without holding it: from the request,
 * the passengers' documents in order ({@code document.type}/{@code number}/{@code country}, or the first
 * version's {@code scheme}/{@code value}/{@code issuingCountry}; a batch's {@code checks[]}); from the
 * answer, the decisions in order ({@code decision}, or a batch's {@code results[].decision}). Single or
 * batch is the route's decision, never the body's shape. The same reading as
 * {@link TravelCheckBodies} (its reference, which parses whole bodies; a property test holds them
 * equal), but incremental, so the gateway passes a 10 000-passenger answer through as it comes. Nothing
 * read here is logged. Not thread-safe: one per request body, fed in order.
 */
final class TravelCheckScanner {

    private static final JsonFactory FACTORY = new JsonFactory();

    /** What is read: the request's documents or the answer's decisions. */
    enum Side { REQUEST, ANSWER }

    private final Side side;
    private final JsonParser parser = FACTORY.createNonBlockingByteArrayParser(ObjectReadContext.empty());
    private final ByteArrayFeeder feeder = (ByteArrayFeeder) parser.nonBlockingInputFeeder();
    /** The enclosing containers, outermost first. */
    private final List<Frame> stack = new ArrayList<>();
    private String pendingName;
    private boolean broken;

    /** One open object or array: the field it is the value of ("$" the root, "*" an array element). */
    private record Frame(String name, boolean array) {
    }

    /** By route: {@code /travel-checks/batch} reads {@code checks[]} / {@code results[]}, the single route the top level. */
    private final boolean batch;
    // request side: [type, number, country, scheme, value, issuingCountry] of checks[i] (or the single check)
    private final List<String[]> documents = new ArrayList<>();
    /** request side, batch: the elements of the top-level {@code checks} array, whatever they are */
    private long checks;
    // answer side
    private final BitSet denies = new BitSet();
    private int decisions;

    /**
     * @param batch whether the request went to the batch route (decided by the route, never by the
     *              body: a single check with a {@code checks} field is still a single check)
     */
    TravelCheckScanner(Side side, boolean batch) {
        this.side = side;
        this.batch = batch;
    }

    /** Reads the next chunk; {@code bytes} must not change until the call returns. */
    void feed(byte[] bytes, int offset, int length) {
        if (broken || length == 0) {
            return;
        }
        try {
            feeder.feedInput(bytes, offset, offset + length);
            drain();
        } catch (JacksonException e) {
            broken = true; // not JSON: nothing more is read; the service refuses such a body itself
        }
    }

    /** The body is complete. */
    void end() {
        if (!broken) {
            try {
                feeder.endOfInput();
                drain();
            } catch (JacksonException e) {
                broken = true;
            }
        }
        parser.close();
    }

    /**
     * The request's documents, in check order, each {@code [scheme, number, country]} (the current names,
     * else the first version's; blank when absent).
     */
    List<String[]> documents() {
        List<String[]> out = new ArrayList<>(documents.size());
        for (String[] d : documents) {
            out.add(new String[] {d[0].isBlank() ? d[3] : d[0], d[1].isBlank() ? d[4] : d[1],
                    d[2].isBlank() ? d[5] : d[2]});
        }
        return out;
    }

    /**
     * A batch request's number of checks: the elements of its top-level {@code checks} array (objects or
     * not — the service refuses a batch with an element that is not a check, and counts it), the last such
     * array when it is given twice. What the client's budget is charged for the batch.
     */
    long checks() {
        return checks;
    }

    /** How many decisions the answer held (so far). */
    int decisions() {
        return decisions;
    }

    /** Whether decision {@code i} (request order) is a DENY. */
    boolean deny(int i) {
        return denies.get(i);
    }

    boolean anyDeny() {
        return !denies.isEmpty();
    }

    private void drain() {
        JsonToken token;
        while ((token = parser.nextToken()) != null && token != JsonToken.NOT_AVAILABLE) {
            switch (token) {
                case START_OBJECT, START_ARRAY -> {
                    String name = stack.isEmpty() ? "$" : stack.getLast().array() ? "*" : nameOr("?");
                    stack.add(new Frame(name, token == JsonToken.START_ARRAY));
                    pendingName = null;
                    if (stack.size() == 3 && inChecks()) {
                        checks++;
                    }
                    if (token == JsonToken.START_ARRAY && batch && stack.size() == 2 && !stack.get(0).array()) {
                        restartList(name);
                    }
                    if (token == JsonToken.START_OBJECT) {
                        onObject();
                    }
                }
                case END_OBJECT, END_ARRAY -> {
                    if (!stack.isEmpty()) {
                        stack.removeLast();
                    }
                    pendingName = null;
                }
                case PROPERTY_NAME -> pendingName = parser.currentName();
                // a number or a boolean is read as its text, as the service's binding reads it into a
                // String field (a resident ID sent as a JSON number is that number); null clears the field
                case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_TRUE, VALUE_FALSE -> {
                    countScalar();
                    onString(nameOr(null), parser.getString());
                    pendingName = null;
                }
                case VALUE_NULL -> {
                    countScalar();
                    onString(nameOr(null), "");
                    pendingName = null;
                }
                default -> pendingName = null;
            }
        }
    }

    /** Whether the innermost open container but one is a batch request's top-level {@code checks} array. */
    private boolean inChecks() {
        return side == Side.REQUEST && batch && stack.size() >= 2 && !stack.get(0).array() && stack.get(1).array()
                && stack.get(1).name().equals("checks");
    }

    /** A scalar element of the {@code checks} array is a check too (the service refuses it). */
    private void countScalar() {
        if (stack.size() == 2 && inChecks()) {
            checks++;
        }
    }

    private String nameOr(String otherwise) {
        return pendingName != null ? pendingName : otherwise;
    }

    /**
     * An object just opened: a batch element is {@code $.checks[*]} / {@code $.results[*]}. A field given
     * twice counts as its last value (the services refuse such a body; read the same way regardless):
     * a second {@code document} object replaces the first, a second top-level {@code checks} or
     * {@code results} array the first.
     */
    private void onObject() {
        if (side == Side.REQUEST && !stack.get(0).array()) {
            if (!batch && stack.size() == 2 && stack.get(1).name().equals("document") && !documents.isEmpty()) {
                documents.set(0, new String[] {"", "", "", "", "", ""});
            } else if (batch && stack.size() == 4 && stack.get(1).name().equals("checks") && stack.get(1).array()
                    && stack.get(3).name().equals("document") && !stack.get(3).array() && !documents.isEmpty()) {
                documents.set(documents.size() - 1, new String[] {"", "", "", "", "", ""});
            }
        }
        if (stack.size() != 3 || stack.get(0).array() || !stack.get(1).array()) {
            return;
        }
        String list = stack.get(1).name();
        if (!batch) {
            return;
        }
        if (side == Side.REQUEST && list.equals("checks")) {
            documents.add(new String[] {"", "", "", "", "", ""});
        } else if (side == Side.ANSWER && list.equals("results")) {
            decisions++;
        }
    }

    /** A top-level {@code checks} (request) or {@code results} (answer) array given again replaces the first. */
    private void restartList(String name) {
        if (side == Side.REQUEST && name.equals("checks")) {
            documents.clear();
            checks = 0;
        } else if (side == Side.ANSWER && name.equals("results")) {
            decisions = 0;
            denies.clear();
        }
    }

    private void onString(String name, String value) {
        if (name == null || stack.isEmpty() || stack.get(0).array()) {
            return;
        }
        int depth = stack.size();
        if (side == Side.ANSWER) {
            if (!name.equals("decision")) {
                return;
            }
            if (!batch && depth == 1) {
                decisions = 1;
                denies.set(0, "DENY".equals(value));
            } else if (batch && depth == 3 && stack.get(1).name().equals("results") && stack.get(1).array()
                    && decisions > 0) {
                denies.set(decisions - 1, "DENY".equals(value));
            }
            return;
        }
        String[] document;
        if (!batch && depth == 2 && stack.get(1).name().equals("document") && !stack.get(1).array()) {
            if (documents.isEmpty()) {
                documents.add(new String[] {"", "", "", "", "", ""});
            }
            document = documents.get(0);
        } else if (depth == 4 && stack.get(1).name().equals("checks") && stack.get(1).array()
                && stack.get(3).name().equals("document") && !stack.get(3).array() && batch) {
            document = documents.getLast();
        } else {
            return;
        }
        switch (name) {
            case "type" -> document[0] = value;
            case "number" -> document[1] = value;
            case "country" -> document[2] = value;
            case "scheme" -> document[3] = value;
            case "value" -> document[4] = value;
            case "issuingCountry" -> document[5] = value;
            default -> {
            }
        }
    }
}
