package dev.rainmaker.status.messaging;

import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rainmaker.events.EventJson;
import dev.rainmaker.events.EventType;
import dev.rainmaker.status.domain.ObservedRecord;
import dev.rainmaker.status.service.Observation;
import dev.rainmaker.status.service.Observations;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FoldWarmUpTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theSampleIsACustomersWholeLifeAsItsTopicsCarryIt() throws Exception {
        List<ObservedRecord> sample = FoldWarmUp.sample();

        assertThat(sample)
                .extracting(ObservedRecord::topic)
                .containsExactly(
                        EventType.SIGNUP_RECEIVED.topic(),
                        EventType.DROPLET_REQUESTED.topic(),
                        EventType.DROPLET_ACTIVE.topic(),
                        EventType.HOST_HARDENED.topic(),
                        EventType.STACK_INSTALLED.topic(),
                        EventType.CUSTOMER_READY.topic(),
                        EventType.PROVISIONING_FAILED.topic());
        for (ObservedRecord record : sample) {
            Observation observation = Observations.read(record).orElseThrow();
            assertThat(observation.event())
                    .as("the event read from %s", record.topic())
                    .isNotNull();
            // Unknown fields are ignored on reading: only writing the event again shows a renamed or dropped one.
            assertThat(JSON.readTree(EventJson.write(observation.event())))
                    .as("the sample of %s, as the event writes it today", record.topic())
                    .isEqualTo(JSON.readTree(record.value()));
        }
    }

    @Test
    void everySampleRecordFoldsForEveryCustomer() {
        assertThat(FoldWarmUp.fold(3)).isEqualTo(3 * FoldWarmUp.sample().size());
    }
}
