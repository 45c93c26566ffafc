package dev.rainmaker.status.service;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LiveTimelineTests {

    @Test
    void aListenerThatFailsNeitherStopsTheOthersNorReachesThePublisher() {
        LiveTimeline live = new LiveTimeline();
        List<String> heard = new ArrayList<>();
        live.listen(entry -> {
            throw new IllegalStateException("the client went away");
        });
        live.listen(heard::add);

        live.publish("{\"customerId\":\"acme-1\"}");

        assertThat(heard).containsExactly("{\"customerId\":\"acme-1\"}");
    }
}
