package dev.rainmaker.hostaccess.resume;

import dev.rainmaker.hostaccess.CommandOutput;
import dev.rainmaker.hostaccess.HostShell;
import dev.rainmaker.localcloud.hosts.model.CommandResult;
import dev.rainmaker.localcloud.hosts.model.HostProcess;
import dev.rainmaker.localcloud.hosts.model.HostState;
import dev.rainmaker.localcloud.hosts.model.ProcessCommands;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What a look at a host's processes makes of them, with pgrep answered by local-cloud's process model. */
class HostActivityTests {

    private final HostState host = new HostState();

    @Test
    void unattendedUpgradeShutdownWaitingForShutdownAsOnEveryHardenedHostIsNoPackageWork() {
        running(
                6128,
                "unattended-upgr",
                "/usr/bin/python3 /usr/share/unattended-upgrades/unattended-upgrade-shutdown --wait-for-signal");

        HostActivity.Look look = HostActivity.look(shell());

        assertThat(look.quiet()).as(look.describe()).isTrue();
    }

    @Test
    void anUnattendedUpgradeRunIsWaitedFor() {
        running(
                6128,
                "unattended-upgr",
                "/usr/bin/python3 /usr/share/unattended-upgrades/unattended-upgrade-shutdown --wait-for-signal");
        running(7001, "unattended-upgr", "/usr/bin/python3 /usr/bin/unattended-upgrade -d");

        HostActivity.Look look = HostActivity.look(shell());

        assertThat(look.quiet()).isFalse();
        assertThat(look.busy()).isEqualTo("unattended-upgr");
        assertThat(look.activity()).isEqualTo("unattended-upgrades");
    }

    @Test
    void anAptGetStillRunningIsWaitedFor() {
        running(7002, "apt-get", "apt-get install -y nginx");

        HostActivity.Look look = HostActivity.look(shell());

        assertThat(look.describe()).isEqualTo("apt-get still running");
        assertThat(look.activity()).isEqualTo("apt-get");
    }

    private void running(int pid, String name, String commandLine) {
        host.processes.put(pid, new HostProcess(pid, name, commandLine));
    }

    /** pgrep and fuser from the process model; dpkg's audit and its updates directory empty. */
    private HostShell shell() {
        ProcessCommands processes = new ProcessCommands();
        return new HostShell() {
            @Override
            public CommandOutput run(String command) {
                CommandResult result = processes.run(command, host).orElse(CommandResult.ok(""));
                return new CommandOutput(result.exitStatus(), result.stdout(), result.stderr());
            }

            @Override
            public String host() {
                return "droplet rm-acme-7";
            }

            @Override
            public void close() {}
        };
    }
}
