package dev.rainmaker.messaging;

import dev.rainmaker.events.AttemptCount;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AttemptsTests {

    @Test
    void aFailureThatCountsNoAttemptsWasTriedOnce() {
        assertThat(Attempts.of(new IllegalStateException("no", new RuntimeException("cause"))))
                .isEqualTo(1);
    }

    @Test
    void aFailureThatCountsItsAttemptsSaysHowMany() {
        assertThat(Attempts.of(new Counted(4, null))).isEqualTo(4);
    }

    @Test
    void theCountIsFoundAlongTheCauseChain() {
        assertThat(Attempts.of(new IllegalStateException("wrapped", new RuntimeException(new Counted(9, null)))))
                .isEqualTo(9);
    }

    @Test
    void theOutermostCountWins() {
        assertThat(Attempts.of(new Counted(1, new Counted(6, null)))).isEqualTo(1);
    }

    private static final class Counted extends RuntimeException implements AttemptCount {

        private final int attempts;

        Counted(int attempts, Throwable cause) {
            super("counted", cause);
            this.attempts = attempts;
        }

        @Override
        public int attempts() {
            return attempts;
        }
    }
}
