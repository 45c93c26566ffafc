package dev.rainmaker.hostaccess;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class HostsAtOnceTests {

    @Test
    void neverWorksOnMoreHostsThanAllowedAndGetsThroughAll() throws InterruptedException {
        HostsAtOnce hosts = new HostsAtOnce(3);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger now = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            threads.add(Thread.ofVirtual()
                    .start(() -> hosts.call(() -> {
                        most.accumulateAndGet(now.incrementAndGet(), Math::max);
                        awaitQuietly(release);
                        now.decrementAndGet();
                        return done.incrementAndGet();
                    })));
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> now.get() == 3);
        Thread.sleep(100); // time for a fourth host to get in, were the limit leaky
        assertThat(now.get()).as("hosts worked on while three hold their turn").isEqualTo(3);

        release.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(most.get()).isEqualTo(3);
        assertThat(done.get()).isEqualTo(50);
    }

    @Test
    void aFailingHostGivesItsTurnBack() throws InterruptedException {
        HostsAtOnce hosts = new HostsAtOnce(1);
        assertThatThrownBy(() -> hosts.call(() -> {
                    throw new IllegalStateException("host refused");
                }))
                .hasMessage("host refused");
        CountDownLatch ran = new CountDownLatch(1);
        Thread.ofVirtual()
                .start(() -> hosts.call(() -> {
                    ran.countDown();
                    return null;
                }));
        assertThat(ran.await(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void refusesAMaximumBelowOne() {
        assertThatThrownBy(() -> new HostsAtOnce(0)).hasMessageContaining("rainmaker.ssh.max-hosts-at-once");
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
