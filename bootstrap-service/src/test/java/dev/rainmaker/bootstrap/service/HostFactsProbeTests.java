package dev.rainmaker.bootstrap.service;

import dev.rainmaker.bootstrap.domain.HostFacts;
import dev.rainmaker.hostaccess.CommandOutput;
import dev.rainmaker.hostaccess.HostShell;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HostFactsProbeTests {

    private final HostFactsProbe probe = new HostFactsProbe();

    @Test
    void aContainerIsNamedAsSystemdDetectVirtNamesIt() {
        HostFacts facts = probe.read(answering(new CommandOutput(0, "systemd-nspawn\n", "")));

        assertThat(facts.inContainer()).isTrue();
        assertThat(facts.container()).isEqualTo("systemd-nspawn");
    }

    @Test
    void aVirtualMachineIsNoContainer() {
        assertThat(probe.read(answering(new CommandOutput(1, "none\n", ""))).inContainer())
                .isFalse();
    }

    @Test
    void anAnswerThatSaysNeitherIsAFailureShowingIt() {
        assertThatThrownBy(() -> probe.read(
                        answering(new CommandOutput(127, "", "bash: systemd-detect-virt: command not found"))))
                .isInstanceOf(HardeningFailure.class)
                .hasMessageContaining("could not tell whether the host is a container")
                .hasMessageContaining("command not found");
    }

    private static HostShell answering(CommandOutput output) {
        return new HostShell() {
            @Override
            public CommandOutput run(String command) {
                assertThat(command).isEqualTo("systemd-detect-virt --container");
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
