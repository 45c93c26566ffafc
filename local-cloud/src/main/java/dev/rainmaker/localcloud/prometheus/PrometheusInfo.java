package dev.rainmaker.localcloud.prometheus;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The local cloud's Prometheus: where it answers, its page of alerts ({@code /alerts}, or {@code /classic/alerts} where
 * the build ships only the classic UI, as Debian's does), and the file it reads its scrape targets from ({@link
 * ScrapeTargets}); or, when it does not run, why not.
 */
public record PrometheusInfo(
        Optional<String> url, Optional<String> alertsPage, Optional<Path> targetsFile, String whyNotRunning) {

    public static PrometheusInfo running(String url, String alertsPage, Path targetsFile) {
        return new PrometheusInfo(Optional.of(url), Optional.of(alertsPage), Optional.of(targetsFile), "");
    }

    public static PrometheusInfo notRunning(String why) {
        return new PrometheusInfo(Optional.empty(), Optional.empty(), Optional.empty(), why);
    }

    public boolean isRunning() {
        return url.isPresent();
    }

    /** One line for a person: the URL and the alerts page, or why there is no Prometheus. */
    public String describe() {
        return url.map(base -> "Prometheus at " + base + ", alerts at " + alertsPage.orElse(base))
                .orElse("no Prometheus: " + whyNotRunning);
    }
}
