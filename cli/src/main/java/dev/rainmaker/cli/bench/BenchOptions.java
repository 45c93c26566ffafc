package dev.rainmaker.cli.bench;

import java.time.Duration;
import java.util.List;

import dev.rainmaker.cli.RainmakerCli;

/** {@code ./rainmaker bench} options. */
public record BenchOptions(int signups, int instances, Duration bootDelay, String doLimits, Duration timeout) {

    public static BenchOptions parse(List<String> args) {
        int signups = 1_000;
        int instances = 1;
        Duration bootDelay = Duration.ZERO;
        String doLimits = "real";
        Duration timeout = Duration.ofMinutes(20);
        for (int i = 0; i < args.size(); i++) {
            String name = args.get(i);
            if (i + 1 >= args.size()) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            String value = args.get(++i);
            switch (name) {
                case "--signups" -> signups = RainmakerCli.positive(name, value);
                case "--instances" -> {
                    instances = RainmakerCli.positive(name, value);
                    if (instances > 2) {
                        throw new IllegalArgumentException("--instances takes 1 or 2, not " + value);
                    }
                }
                case "--boot-delay" -> bootDelay = RainmakerCli.duration(name, value);
                case "--do-limits" -> {
                    if (!List.of("real", "off").contains(value)) {
                        throw new IllegalArgumentException("--do-limits takes real or off, not " + value);
                    }
                    doLimits = value;
                }
                case "--timeout" -> timeout = RainmakerCli.duration(name, value);
                default -> throw new IllegalArgumentException("unknown option " + name);
            }
        }
        return new BenchOptions(signups, instances, bootDelay, doLimits, timeout);
    }
}
