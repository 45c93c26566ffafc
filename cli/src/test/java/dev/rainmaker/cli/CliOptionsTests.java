package dev.rainmaker.cli;

import java.time.Duration;

import dev.rainmaker.cli.HostChoice.Wanted;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CliOptionsTests {

    @Test
    void defaultsToOneCustomerTwoSecondBootsKafkaOn9092AndRealHostsWhereTheyCanRun() {
        DemoCommand demo = Parsed.command("demo");
        UpCommand up = Parsed.command("up");

        assertThat(demo.customers).isEqualTo(1);
        assertThat(demo.timeout).isEqualTo(Duration.ofMinutes(5));
        assertThat(up.kafkaPort).isEqualTo(9092);
        for (LocalCloudOptions cloud : new LocalCloudOptions[] {demo.cloud, up.cloud}) {
            assertThat(cloud.bootDelay).isEqualTo(Duration.ofSeconds(2));
            assertThat(cloud.hosts).isEqualTo(Wanted.AUTO);
            assertThat(cloud.brokers).isOne();
        }
    }

    @Test
    void readsEveryOption() {
        DemoCommand demo = Parsed.command(
                "demo",
                "--customers",
                "3",
                "--boot-delay",
                "500ms",
                "--timeout",
                "2m",
                "--hosts",
                "Simulated",
                "--brokers",
                "3");
        UpCommand up = Parsed.command(
                "up", "--kafka-port", "19092", "--boot-delay", "500ms", "--hosts", "Simulated", "--brokers", "3");

        assertThat(demo.customers).isEqualTo(3);
        assertThat(demo.timeout).isEqualTo(Duration.ofMinutes(2));
        assertThat(up.kafkaPort).isEqualTo(19092);
        for (LocalCloudOptions cloud : new LocalCloudOptions[] {demo.cloud, up.cloud}) {
            assertThat(cloud.bootDelay).isEqualTo(Duration.ofMillis(500));
            assertThat(cloud.hosts).isEqualTo(Wanted.SIMULATED);
            assertThat(cloud.brokers).isEqualTo(3);
        }
    }

    @Test
    void readsContainerHosts() {
        UpCommand up = Parsed.command("up", "--hosts", "containers");

        assertThat(up.cloud.hosts).isEqualTo(Wanted.CONTAINERS);
    }

    @Test
    void readsDurationsInIsoFormToo() {
        DemoCommand demo = Parsed.command("demo", "--timeout", "PT1M30S");

        assertThat(demo.timeout).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void explainsWhatIsWrongWithAnOption() {
        assertThatThrownBy(() -> Parsed.command("demo", "--customers", "many"))
                .hasMessage("Invalid value for option '--customers': 'many' is not a positive whole number");
        assertThatThrownBy(() -> Parsed.command("demo", "--boot-delay", "soon"))
                .hasMessage(
                        "Invalid value for option '--boot-delay': 'soon' is not a duration such as 500ms, 2s, 5m or PT5M");
        assertThatThrownBy(() -> Parsed.command("up", "--brokers", "2"))
                .hasMessage("Invalid value for option '--brokers': '2' is not 1 or 3 or more");
        assertThatThrownBy(() -> Parsed.command("demo", "--customers"))
                .hasMessage("Missing required parameter for option '--customers' (N)");
        assertThatThrownBy(() -> Parsed.command("demo", "--colour", "red"))
                .hasMessage("Unknown options: '--colour', 'red'");
        assertThatThrownBy(() -> Parsed.command("up", "--hosts", "cloudy"))
                .hasMessage("Invalid value for option '--hosts': 'cloudy' is not auto, real, containers or simulated");
        assertThatThrownBy(() -> Parsed.command("demo", "--timeout", "PT-5M"))
                .hasMessage(
                        "Invalid value for option '--timeout': 'PT-5M' is not a duration such as 500ms, 2s, 5m or PT5M");
    }
}
