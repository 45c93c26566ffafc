package dev.rainmaker.localcloud;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.rainmaker.localcloud.prometheus.PrometheusInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class LocalCloudInfoTests {

    @Test
    void readsBackWhereItsPrometheusAnswersAndItsTargetsFile(@TempDir Path directory) {
        LocalCloudInfo info = info(PrometheusInfo.running(
                "http://127.0.0.1:41234", "http://127.0.0.1:41234/classic/alerts", directory.resolve("targets.json")));

        info.writeTo(directory.resolve("local-cloud.properties"));
        PrometheusInfo read = LocalCloudInfo.readFrom(directory.resolve("local-cloud.properties"))
                .prometheus();

        assertThat(read).isEqualTo(info.prometheus());
        assertThat(read.alertsPage()).contains("http://127.0.0.1:41234/classic/alerts");
        assertThat(read.describe()).contains("http://127.0.0.1:41234/classic/alerts");
    }

    @Test
    void readsBackWhyThereIsNoPrometheus(@TempDir Path directory) throws IOException {
        LocalCloudInfo info =
                info(PrometheusInfo.notRunning("/usr/bin/prometheus is missing (apt-get install prometheus)"));

        info.writeTo(directory.resolve("local-cloud.properties"));
        PrometheusInfo read = LocalCloudInfo.readFrom(directory.resolve("local-cloud.properties"))
                .prometheus();

        assertThat(read.isRunning()).isFalse();
        assertThat(read.describe())
                .isEqualTo("no Prometheus: /usr/bin/prometheus is missing (apt-get install prometheus)");
        assertThat(Files.readString(directory.resolve("local-cloud.properties")))
                .doesNotContain("prometheus.url");
    }

    private static LocalCloudInfo info(PrometheusInfo prometheus) {
        return new LocalCloudInfo(
                "127.0.0.1:9092",
                "http://127.0.0.1:8080",
                "local-token",
                2525,
                2222,
                8081,
                Path.of("/tmp/key"),
                Path.of("/tmp/key.pub"),
                "simulated",
                prometheus);
    }
}
