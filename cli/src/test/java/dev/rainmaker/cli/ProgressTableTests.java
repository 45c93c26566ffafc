package dev.rainmaker.cli;

import java.util.List;

import dev.rainmaker.events.EventType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressTableTests {

    @Test
    void showsSecondsPerStageAndTotalForAReadyCustomerAndTheReasonForAFailedOne() {
        CustomerProgress ready = new CustomerProgress("acme");
        long t = 1_000_000;
        ready.saw(EventType.SIGNUP_RECEIVED, t);
        ready.saw(EventType.DROPLET_REQUESTED, t + 100);
        ready.saw(EventType.DROPLET_ACTIVE, t + 2_100);
        ready.droplet("7", "127.10.0.2");
        ready.saw(EventType.HOST_HARDENED, t + 3_100);
        ready.saw(EventType.STACK_INSTALLED, t + 6_100);
        ready.saw(EventType.CUSTOMER_READY, t + 6_600);
        CustomerProgress failed = new CustomerProgress("broken");
        failed.failed("rainmaker.signup-received: the sign-up has no email");

        String table = ProgressTable.render(List.of(ready, failed));

        assertThat(table.lines())
                .element(1)
                .asString()
                .startsWith("acme")
                .contains("7", "127.10.0.2", "0.1s", "2.0s", "1.0s", "3.0s", "0.5s", "6.6s");
        assertThat(table).contains("failed: rainmaker.signup-received: the sign-up has no email");
        assertThat(ready.isReady()).isTrue();
        assertThat(failed.isDone()).isTrue();
        assertThat(failed.isReady()).isFalse();
    }
}
