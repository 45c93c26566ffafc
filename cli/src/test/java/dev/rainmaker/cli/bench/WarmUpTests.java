package dev.rainmaker.cli.bench;

import dev.rainmaker.events.SignupReceived;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WarmUpTests {

    @Test
    void oneCustomerForEachPartition() {
        assertThat(WarmUp.signups("warm"))
                .hasSize(BenchSettings.PARTITIONS)
                .extracting(SignupReceived::customerId)
                .extracting(WarmUp::partitionOf)
                .containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
    }
}
