package dev.rainmaker.cli;

import java.time.Duration;
import java.util.List;

import dev.rainmaker.cli.HostChoice.Wanted;
import dev.rainmaker.cli.RainmakerCli.CliOptions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CliOptionsTests {

    @Test
    void defaultsToOneCustomerTwoSecondBootsKafkaOn9092AndRealHostsWhereTheyCanRun() {
        assertThat(CliOptions.parse(List.of()))
                .isEqualTo(new CliOptions(1, Duration.ofSeconds(2), Duration.ofMinutes(5), 9092, Wanted.AUTO));
    }

    @Test
    void readsEveryOption() {
        assertThat(CliOptions.parse(List.of(
                        "--customers",
                        "3",
                        "--boot-delay",
                        "500ms",
                        "--timeout",
                        "2m",
                        "--kafka-port",
                        "19092",
                        "--hosts",
                        "Simulated")))
                .isEqualTo(new CliOptions(3, Duration.ofMillis(500), Duration.ofMinutes(2), 19092, Wanted.SIMULATED));
    }

    @Test
    void explainsWhatIsWrongWithAnOption() {
        assertThatThrownBy(() -> CliOptions.parse(List.of("--customers", "many")))
                .hasMessage("--customers takes a positive whole number, not many");
        assertThatThrownBy(() -> CliOptions.parse(List.of("--boot-delay", "soon")))
                .hasMessage("--boot-delay takes a duration such as 500ms, 2s or 5m, not soon");
        assertThatThrownBy(() -> CliOptions.parse(List.of("--customers"))).hasMessage("--customers needs a value");
        assertThatThrownBy(() -> CliOptions.parse(List.of("--colour", "red"))).hasMessage("unknown option --colour");
        assertThatThrownBy(() -> CliOptions.parse(List.of("--hosts", "cloudy")))
                .hasMessage("--hosts takes auto, real or simulated, not cloudy");
    }
}
