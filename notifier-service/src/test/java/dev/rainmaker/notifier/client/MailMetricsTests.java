package dev.rainmaker.notifier.client;

import java.net.ConnectException;
import java.util.List;
import java.util.concurrent.CompletionException;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.ext.mail.SMTPException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MailMetricsTests {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final MailMetrics metrics = new MailMetrics(registry);

    @Test
    void emailsTakenAreCountedByWhichEmail() {
        metrics.sent("ready");
        metrics.sent("ready");
        metrics.sent("digest");

        assertThat(registry.get(MailMetrics.SENT)
                        .tag("email", "ready")
                        .counter()
                        .count())
                .isEqualTo(2);
        assertThat(registry.get(MailMetrics.SENT)
                        .tag("email", "digest")
                        .counter()
                        .count())
                .isEqualTo(1);
    }

    @Test
    void refusalsSayWhetherTheServerMayTakeTheEmailLater() {
        metrics.refused("ready", new CompletionException(new ConnectException("Connection refused")));
        metrics.refused(
                "ready",
                new CompletionException(
                        new SMTPException("550 No such user", 550, List.of("550 No such user"), false)));

        assertThat(registry.get(MailMetrics.REFUSED)
                        .tags("email", "ready", "kind", "transient")
                        .counter()
                        .count())
                .isEqualTo(1);
        assertThat(registry.get(MailMetrics.REFUSED)
                        .tags("email", "ready", "kind", "permanent")
                        .counter()
                        .count())
                .isEqualTo(1);
    }
}
