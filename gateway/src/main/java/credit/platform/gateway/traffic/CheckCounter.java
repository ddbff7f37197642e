package credit.platform.gateway.traffic;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.async.ByteArrayFeeder;
import tools.jackson.core.json.JsonFactory;

/**
 * Counts the checks of a travel-check batch as its body streams: the elements of the top-level
 * {@code checks} array, read by a non-blocking JSON parser (so a "checks" inside a string or a nested
 * object does not count). A body that is not JSON counts what was read before the error (the service
 * refuses it anyway). Not thread-safe: one per body.
 */
final class CheckCounter {

    private static final JsonFactory FACTORY = new JsonFactory();

    private final JsonParser parser = FACTORY.createNonBlockingByteArrayParser(ObjectReadContext.empty());
    private final ByteArrayFeeder feeder = (ByteArrayFeeder) parser.nonBlockingInputFeeder();
    private int depth;
    private boolean inChecks;
    private String field;
    private long checks;
    private boolean broken;

    void feed(byte[] bytes, int offset, int length) {
        if (broken || length == 0) {
            return;
        }
        try {
            feeder.feedInput(bytes, offset, offset + length);
            drain();
        } catch (JacksonException e) {
            broken = true;
        }
    }

    /** The body ended; returns the checks counted. */
    long end() {
        if (!broken) {
            try {
                feeder.endOfInput();
                drain();
            } catch (JacksonException e) {
                broken = true;
            }
        }
        parser.close();
        return checks;
    }

    long checks() {
        return checks;
    }

    private void drain() {
        JsonToken token;
        while ((token = parser.nextToken()) != null && token != JsonToken.NOT_AVAILABLE) {
            switch (token) {
                case PROPERTY_NAME -> field = depth == 1 ? parser.currentName() : null;
                case START_OBJECT, START_ARRAY -> {
                    if (inChecks && depth == 2) {
                        checks++;
                    }
                    if (depth == 1 && token == JsonToken.START_ARRAY && "checks".equals(field)) {
                        inChecks = true;
                    }
                    depth++;
                    field = null;
                }
                case END_OBJECT, END_ARRAY -> {
                    depth--;
                    if (depth == 1) {
                        inChecks = false;
                    }
                }
                default -> {
                    if (inChecks && depth == 2) {
                        checks++; // a scalar element is a check too (the service refuses it)
                    }
                    field = null;
                }
            }
        }
    }
}
