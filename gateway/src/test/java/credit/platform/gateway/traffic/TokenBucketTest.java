package credit.platform.gateway.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenBucketTest {

    static final long SECOND = 1_000_000_000L;

    @Test
    void refillsAtItsRateUpToItsCapacity() {
        TokenBucket bucket = new TokenBucket(10, 5, 0);
        for (int i = 0; i < 5; i++) {
            assertThat(bucket.take(1, 0)).isZero();
        }
        assertThat(bucket.take(1, 0)).isEqualTo(SECOND / 10);
        assertThat(bucket.take(1, SECOND / 10)).isZero();
        assertThat(bucket.tokens(100 * SECOND)).isEqualTo(5.0);
    }

    @Test
    void aLargerRequestThanTheCapacityNeedsAFullBucketAndLeavesADebt() {
        TokenBucket bucket = new TokenBucket(10, 5, 0);
        assertThat(bucket.take(1, 0)).isZero();
        assertThat(bucket.take(50, 0)).as("not full").isEqualTo(SECOND / 10);
        assertThat(bucket.take(50, SECOND / 10)).isZero();
        assertThat(bucket.tokens(SECOND / 10)).isEqualTo(-45.0);
        assertThat(bucket.take(1, SECOND / 10)).isEqualTo(46 * SECOND / 10);
    }

    @Test
    void aSmallerShareShrinksWhatIsHeld() {
        TokenBucket bucket = new TokenBucket(10, 10, 0);
        bucket.reconfigure(5, 2, 0);
        assertThat(bucket.tokens(0)).isEqualTo(2.0);
        assertThat(bucket.take(1, 0)).isZero();
        assertThat(bucket.take(1, 0)).isZero();
        assertThat(bucket.take(1, 0)).isEqualTo(SECOND / 5);
    }
}
