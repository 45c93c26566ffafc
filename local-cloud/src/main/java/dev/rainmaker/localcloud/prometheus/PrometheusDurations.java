package dev.rainmaker.localcloud.prometheus;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Prometheus' durations, as a rules file writes them: {@code 0m}, {@code 90s}, {@code 1h30m}, {@code 500ms}. */
final class PrometheusDurations {

    private static final Pattern PART = Pattern.compile("(\\d+)(ms|y|w|d|h|m|s)");
    private static final Map<String, Duration> UNITS = Map.of(
            "ms", Duration.ofMillis(1),
            "s", Duration.ofSeconds(1),
            "m", Duration.ofMinutes(1),
            "h", Duration.ofHours(1),
            "d", Duration.ofDays(1),
            "w", Duration.ofDays(7),
            "y", Duration.ofDays(365));

    private PrometheusDurations() {}

    static Duration parse(String text) {
        Matcher part = PART.matcher(text.strip());
        Duration total = Duration.ZERO;
        int end = 0;
        while (part.find() && part.start() == end) {
            total = total.plus(UNITS.get(part.group(2)).multipliedBy(Long.parseLong(part.group(1))));
            end = part.end();
        }
        if (end == 0 || end != text.strip().length()) {
            throw new IllegalArgumentException("not a Prometheus duration: " + text);
        }
        return total;
    }
}
