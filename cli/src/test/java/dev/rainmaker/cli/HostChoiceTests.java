package dev.rainmaker.cli;

import dev.rainmaker.cli.HostChoice.Wanted;
import dev.rainmaker.localcloud.LocalCloud.HostKind;
import dev.rainmaker.localcloud.hosts.real.Availability;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HostChoiceTests {

    private static final Availability CAN = new Availability(true, "Linux, root; will install zstd with apt-get");
    private static final Availability CANNOT = new Availability(false, "real hosts need root; this is user 1000");

    @Test
    void byDefaultRealHostsWhereTheMachineCanRunThemSayingWhy() {
        HostChoice choice = HostChoice.decide(Wanted.AUTO, CAN);

        assertThat(choice.kind()).isEqualTo(HostKind.REAL);
        assertThat(choice.describe())
                .startsWith("hosts: real Debian 12 machines")
                .contains("Linux, root; will install zstd with apt-get");
    }

    @Test
    void byDefaultSimulatedHostsWhereItCannotSayingWhyNot() {
        HostChoice choice = HostChoice.decide(Wanted.AUTO, CANNOT);

        assertThat(choice.kind()).isEqualTo(HostKind.SIMULATED);
        assertThat(choice.describe())
                .startsWith("hosts: simulated")
                .contains("real hosts cannot run here: real hosts need root; this is user 1000");
    }

    @Test
    void simulatedHostsCanBeForcedOnAMachineThatCouldRunRealOnes() {
        assertThat(HostChoice.decide(Wanted.SIMULATED, CAN).kind()).isEqualTo(HostKind.SIMULATED);
    }

    @Test
    void realHostsForcedWhereTheyCannotRunFailWithTheReason() {
        assertThat(HostChoice.decide(Wanted.REAL, CAN).kind()).isEqualTo(HostKind.REAL);
        assertThatThrownBy(() -> HostChoice.decide(Wanted.REAL, CANNOT))
                .hasMessage("--hosts real, but real hosts cannot run here: real hosts need root; this is user 1000");
    }
}
