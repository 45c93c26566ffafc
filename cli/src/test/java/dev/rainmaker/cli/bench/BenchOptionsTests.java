package dev.rainmaker.cli.bench;

import java.time.Duration;
import java.util.stream.Stream;

import dev.rainmaker.cli.Parsed;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BenchOptionsTests {

    @Test
    void defaultsToAThousandSignUpsOneInstanceNoBootDelayAndRealLimits() {
        assertThat(parse())
                .isEqualTo(new BenchOptions(1_000, 1, Duration.ZERO, "real", Duration.ofMinutes(20), "kafka"));
    }

    @Test
    void readsEveryOption() {
        BenchOptions options = parse(
                "--signups",
                "200",
                "--instances",
                "2",
                "--boot-delay",
                "45s",
                "--do-limits",
                "off",
                "--timeout",
                "5m",
                "--via",
                "api");

        assertThat(options)
                .isEqualTo(new BenchOptions(200, 2, Duration.ofSeconds(45), "off", Duration.ofMinutes(5), "api"));
    }

    @Test
    void refusesMoreThanTwoInstancesUnknownLimitsAndUnknownDoors() {
        assertThatThrownBy(() -> parse("--instances", "3")).hasMessageContaining("1 or 2");
        assertThatThrownBy(() -> parse("--do-limits", "fake")).hasMessageContaining("real or off");
        assertThatThrownBy(() -> parse("--via", "carrier-pigeon")).hasMessageContaining("kafka or api");
    }

    private static BenchOptions parse(String... args) {
        return Parsed.<BenchCommand>command(
                        Stream.concat(Stream.of("bench"), Stream.of(args)).toArray(String[]::new))
                .options();
    }
}
