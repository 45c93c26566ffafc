package dev.rainmaker.bootstrap.service;

import dev.rainmaker.bootstrap.domain.CommandOutput;
import dev.rainmaker.bootstrap.domain.HostFacts;
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

    private static HostSession answering(CommandOutput output) {
        return new HostSession() {
            @Override
            public CommandOutput run(String command) {
                assertThat(command).isEqualTo("systemd-detect-virt --container");
                return output;
            }

            @Override
            public void close() {}
        };
    }
}
