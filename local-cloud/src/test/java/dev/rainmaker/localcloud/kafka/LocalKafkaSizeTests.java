package dev.rainmaker.localcloud.kafka;

import java.nio.file.Path;
import java.time.Duration;

import dev.rainmaker.localcloud.LocalCloud;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalKafkaSizeTests {

    @Test
    void oneBrokerOrAClusterWithABrokerForEachReplica() {
        assertThat(LocalKafka.isPossibleSize(1)).isTrue();
        assertThat(LocalKafka.isPossibleSize(3)).isTrue();
        assertThat(LocalKafka.isPossibleSize(5)).isTrue();
        assertThat(LocalKafka.isPossibleSize(0)).isFalse();
        assertThat(LocalKafka.isPossibleSize(2)).isFalse();
        assertThat(LocalKafka.isPossibleSize(-3)).isFalse();
    }

    @Test
    void aLocalCloudOfTwoBrokersIsRefusedBeforeAnythingStarts() {
        LocalCloud.Options options = LocalCloud.Options.forTests(Path.of("unused"), Duration.ofSeconds(1));

        assertThatThrownBy(() -> options.withBrokers(2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a local Kafka has 1 or 3 or more brokers, not 2");
    }
}
