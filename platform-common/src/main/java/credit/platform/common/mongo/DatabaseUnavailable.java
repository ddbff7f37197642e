package credit.platform.common.mongo;

import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoServerUnavailableException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import java.time.Duration;

/**
 * The one decision "this failed because the database cannot be reached": no server could be
 * selected in time (the database is down or unreachable), a connection could not be opened or broke,
 * or the replica set has no primary just now (an election). Such a request is answered 503 with
 * problem type {@value #PROBLEM_TYPE} (REST) or {@code UNAVAILABLE} (gRPC), never 500: the client may
 * try again, and nothing is wrong with what it sent. Spring Data's translation
 * ({@code DataAccessResourceFailureException}) keeps the driver's exception as its cause, so the
 * cause chain is what is looked at.
 */
public final class DatabaseUnavailable {

    /** The problem type name: {@code https://credit.example/problems/database-unavailable}. */
    public static final String PROBLEM_TYPE = "database-unavailable";

    /** What a client is told to wait before trying again. */
    public static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    /** The detail of the problem and the gRPC status description. */
    public static final String DETAIL = "The service cannot reach its database just now. Try again later.";

    private static final int MAX_DEPTH = 16;

    private DatabaseUnavailable() {
    }

    /** Whether {@code failure}, or anything in its cause chain, says the database cannot be reached. */
    public static boolean causedBy(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < MAX_DEPTH; t = t.getCause(), depth++) {
            if (t instanceof MongoTimeoutException || t instanceof MongoSocketException
                    || t instanceof MongoServerUnavailableException || t instanceof MongoNotPrimaryException
                    || t instanceof MongoNodeIsRecoveringException) {
                return true;
            }
        }
        return false;
    }
}
