package dev.rainmaker.localcloud.prometheus;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The local cloud's Prometheus: where it answers and the file it reads its scrape targets from ({@link
 * ScrapeTargets}), or, when it does not run, why not.
 */
public record PrometheusInfo(Optional<String> url, Optional<Path> targetsFile, String whyNotRunning) {

    public static PrometheusInfo running(String url, Path targetsFile) {
        return new PrometheusInfo(Optional.of(url), Optional.of(targetsFile), "");
    }

    public static PrometheusInfo notRunning(String why) {
        return new PrometheusInfo(Optional.empty(), Optional.empty(), why);
    }

    public boolean isRunning() {
        return url.isPresent();
    }

    /** The page that lists the alerting rules and which of them fire. */
    public Optional<String> alertsPage() {
        return url.map(base -> base + "/alerts");
    }

    /** One line for a person: the URL and the alerts page, or why there is no Prometheus. */
    public String describe() {
        return url.map(base -> "Prometheus at " + base + ", alerts at " + base + "/alerts")
                .orElse("no Prometheus: " + whyNotRunning);
    }
}
