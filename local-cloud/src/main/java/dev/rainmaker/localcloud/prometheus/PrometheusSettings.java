package dev.rainmaker.localcloud.prometheus;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * What the local cloud's Prometheus loads and how often it looks.
 *
 * @param rulesFile the alerting and recording rules ({@code deploy/prometheus/rules.yaml}); empty for none
 * @param scrapeInterval how often it scrapes every service and evaluates the rules
 * @param alertsPendingFor when present, every rule's {@code for:} is replaced by it ({@link RuleOverlay}), so that a
 *     test sees an alert fire in seconds; the rules' expressions stay as they are
 */
public record PrometheusSettings(
        Optional<Path> rulesFile, Duration scrapeInterval, Optional<Duration> alertsPendingFor) {

    /** For a person watching: the real rules as they are, scraped every five seconds. */
    public static PrometheusSettings forPeople(Path rulesFile) {
        return new PrometheusSettings(Optional.of(rulesFile), Duration.ofSeconds(5), Optional.empty());
    }

    /** For a test: scraped every two seconds, alerts firing once their condition held for {@code pendingFor}. */
    public static PrometheusSettings forTests(Path rulesFile, Duration pendingFor) {
        return new PrometheusSettings(Optional.of(rulesFile), Duration.ofSeconds(2), Optional.of(pendingFor));
    }
}
