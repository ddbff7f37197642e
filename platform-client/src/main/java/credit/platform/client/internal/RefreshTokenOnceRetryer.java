package credit.platform.client.internal;

import feign.RetryableException;
import feign.Retryer;

/**
 * Retries a call exactly once, and only after a 401 (the token cache has dropped the rejected
 * token, so the retry carries a fresh one). Nothing else is retried: creating calls are not
 * idempotent unless the caller sends an Idempotency-Key.
 */
public final class RefreshTokenOnceRetryer implements Retryer {

    private boolean refreshed;

    @Override
    public void continueOrPropagate(RetryableException e) {
        if (e instanceof ProblemErrorDecoder.TokenRejected rejected) {
            if (!refreshed) {
                refreshed = true;
                return;
            }
            throw rejected.problem();
        }
        throw e;
    }

    @Override
    public Retryer clone() {
        return new RefreshTokenOnceRetryer();
    }
}
