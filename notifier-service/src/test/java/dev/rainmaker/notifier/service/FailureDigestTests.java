package dev.rainmaker.notifier.service;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import dev.rainmaker.events.ProvisioningFailed;
import dev.rainmaker.events.ProvisioningStage;
import dev.rainmaker.notifier.domain.FailureLine;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class FailureDigestTests {

    private static final Duration WINDOW = Duration.ofMillis(300);

    private final List<List<FailureLine>> sent = new CopyOnWriteArrayList<>();
    private final AtomicInteger mailed = new AtomicInteger();

    @Test
    void failuresArrivingInOneWindowGoIntoOneDigestAndAreConfirmedOnlyAfterItWasSent() {
        FailureDigest digest = new FailureDigest(sent::add, WINDOW);

        for (int i = 1; i <= 50; i++) {
            digest.add(failure("c-" + i), mailed::incrementAndGet);
        }

        assertThat(mailed).hasValue(0);
        await().atMost(Duration.ofSeconds(5)).until(() -> mailed.get() == 50);
        assertThat(sent)
                .singleElement()
                .satisfies(lines -> assertThat(lines)
                        .extracting(FailureLine::customerId)
                        .hasSize(50)
                        .contains("c-1", "c-50"));
    }

    @Test
    void aFailureAfterTheDigestWasSentOpensANewWindow() {
        FailureDigest digest = new FailureDigest(sent::add, WINDOW);

        digest.add(failure("first"), mailed::incrementAndGet);
        await().atMost(Duration.ofSeconds(5)).until(() -> mailed.get() == 1);
        digest.add(failure("second"), mailed::incrementAndGet);
        await().atMost(Duration.ofSeconds(5)).until(() -> mailed.get() == 2);

        assertThat(sent).extracting(lines -> lines.getFirst().customerId()).containsExactly("first", "second");
    }

    @Test
    void aDigestTheMailServerRefusedIsSentAgainLaterWithNothingConfirmedBefore() {
        AtomicInteger tries = new AtomicInteger();
        FailureDigest digest = new FailureDigest(
                lines -> {
                    if (tries.incrementAndGet() == 1) {
                        throw new IllegalStateException("SMTP server not answering");
                    }
                    sent.add(lines);
                },
                WINDOW);

        digest.add(failure("c-1"), mailed::incrementAndGet);
        await().atMost(Duration.ofSeconds(5)).until(() -> tries.get() >= 1);
        assertThat(mailed).hasValue(0);

        await().atMost(Duration.ofSeconds(5)).until(() -> mailed.get() == 1);
        assertThat(sent)
                .singleElement()
                .satisfies(lines -> assertThat(lines)
                        .singleElement()
                        .isEqualTo(new FailureLine(
                                "c-1", "hardening the host", "no SSH answer", 3, "42", "2026-11-25T03:00:00Z")));
    }

    private static ProvisioningFailed failure(String customerId) {
        return new ProvisioningFailed(
                customerId,
                null,
                ProvisioningStage.HARDENING_HOST,
                "no SSH answer",
                3,
                42L,
                Instant.parse("2026-11-25T03:00:00Z"));
    }
}
