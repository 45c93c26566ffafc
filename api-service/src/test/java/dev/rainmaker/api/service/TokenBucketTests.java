package dev.rainmaker.api.service;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TokenBucketTests {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void grantsTheBurstThenAsksToRetryInWholeSeconds() {
        TokenBucket bucket = new TokenBucket(1, 2, 0);

        assertThat(bucket.tryTake(0)).isZero();
        assertThat(bucket.tryTake(0)).isZero();
        assertThat(bucket.tryTake(0)).isEqualTo(1);
    }

    @Test
    void refillsAtTheSustainedRateButNeverBeyondTheBurst() {
        TokenBucket bucket = new TokenBucket(1, 2, 0);
        bucket.tryTake(0);
        bucket.tryTake(0);

        assertThat(bucket.tryTake(SECOND)).isZero();
        assertThat(bucket.tryTake(SECOND)).isEqualTo(1);
        assertThat(bucket.tryTake(100 * SECOND)).isZero();
        assertThat(bucket.tryTake(100 * SECOND)).isZero();
        assertThat(bucket.tryTake(100 * SECOND)).isEqualTo(1);
    }

    @Test
    void aSlowRateAsksForTheWholeWait() {
        TokenBucket bucket = new TokenBucket(0.25, 1, 0);
        bucket.tryTake(0);

        assertThat(bucket.tryTake(0)).isEqualTo(4);
    }
}
