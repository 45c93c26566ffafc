package dev.rainmaker.bootstrap.service;

import dev.rainmaker.hostaccess.CommandOutput;
import dev.rainmaker.hostaccess.HostShell;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CloudInitWaitTests {

    private final CloudInitWait wait = new CloudInitWait();

    @Test
    void goesOnWhenCloudInitIsDoneEvenWithRecoverableErrors() {
        assertThatCode(() -> wait.awaitDone(host(new CommandOutput(2, "{\"status\": \"done\", \"errors\": []}", ""))))
                .doesNotThrowAnyException();
    }

    @Test
    void failsForGoodWhenCloudInitReportsAnError() {
        assertThatThrownBy(() -> wait.awaitDone(
                        host(new CommandOutput(1, "{\"status\": \"error\", \"errors\": [\"boom\"]}", ""))))
                .isInstanceOf(HardeningFailure.class)
                .hasMessageContaining("status 'error'")
                .hasMessageContaining("boom");
    }

    @Test
    void failsForGoodWhenTheOutputIsNotJson() {
        assertThatThrownBy(() -> wait.awaitDone(host(new CommandOutput(127, "", "cloud-init: command not found"))))
                .isInstanceOf(HardeningFailure.class)
                .hasMessageContaining("did not print JSON")
                .hasMessageContaining("command not found");
    }

    private static HostShell host(CommandOutput output) {
        return new HostShell() {
            @Override
            public CommandOutput run(String command) {
                return output;
            }

            @Override
            public String host() {
                return "test host";
            }

            @Override
            public void close() {}
        };
    }
}
