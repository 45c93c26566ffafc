package dev.rainmaker.status.service;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;

import dev.rainmaker.status.domain.EntryKind;
import dev.rainmaker.status.domain.Stage;
import dev.rainmaker.status.domain.TimelineEntry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ViewLagTests {

    private static final Instant NOW = Instant.parse("2026-12-06T03:00:00Z");

    @Test
    void anEntryCountsFromItsRecordsTimestampToWhenTheViewTookItIn() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        ViewLag lag = new ViewLag(registry, Clock.fixed(NOW, ZoneOffset.UTC));

        lag.entered(entryAt(NOW.minusMillis(1_500)));
        lag.entered(entryAt(NOW.minusMillis(500)));

        Timer timer = registry.get("rainmaker.status.view.lag").timer();
        assertThat(timer.count()).isEqualTo(2);
        assertThat(timer.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(2_000);
        assertThat(timer.max(TimeUnit.MILLISECONDS)).isEqualTo(1_500);
    }

    private static TimelineEntry entryAt(Instant at) {
        return new TimelineEntry(
                "acme-1",
                at,
                EntryKind.EVENT,
                "SignupReceived",
                "rainmaker.signup-received",
                0,
                7,
                Stage.values()[0],
                null,
                null,
                null,
                "signed up");
    }
}
