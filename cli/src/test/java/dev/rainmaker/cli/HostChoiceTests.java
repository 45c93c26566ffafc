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
    private static final Availability ENGINE = new Availability(true, "a Docker API answers on /run/docker.sock");
    private static final Availability NO_ENGINE =
            new Availability(false, "container hosts need a Docker API: none answers on /var/run/docker.sock");

    @Test
    void byDefaultRealHostsWhereTheMachineCanRunThemSayingWhy() {
        HostChoice choice = HostChoice.decide(Wanted.AUTO, CAN, ENGINE);

        assertThat(choice.kind()).isEqualTo(HostKind.REAL);
        assertThat(choice.describe())
                .startsWith("hosts: real Debian 12 machines (systemd-nspawn")
                .contains("Linux, root; will install zstd with apt-get");
    }

    @Test
    void byDefaultContainerHostsWhereRealOnesCannotRunButADockerApiAnswersSayingWhy() {
        HostChoice choice = HostChoice.decide(Wanted.AUTO, CANNOT, ENGINE);

        assertThat(choice.kind()).isEqualTo(HostKind.CONTAINERS);
        assertThat(choice.describe())
                .startsWith("hosts: real Debian 12 machines as containers")
                .contains("real hosts cannot run here: real hosts need root; this is user 1000")
                .contains("a Docker API answers on /run/docker.sock");
    }

    @Test
    void byDefaultSimulatedHostsWhereNeitherCanSayingWhyNot() {
        HostChoice choice = HostChoice.decide(Wanted.AUTO, CANNOT, NO_ENGINE);

        assertThat(choice.kind()).isEqualTo(HostKind.SIMULATED);
        assertThat(choice.describe())
                .startsWith("hosts: simulated")
                .contains("real hosts cannot run here: real hosts need root; this is user 1000")
                .contains("nor container hosts: container hosts need a Docker API");
    }

    @Test
    void simulatedHostsCanBeForcedOnAMachineThatCouldRunRealOnes() {
        assertThat(HostChoice.decide(Wanted.SIMULATED, CAN, ENGINE).kind()).isEqualTo(HostKind.SIMULATED);
    }

    @Test
    void containerHostsCanBeForcedOnAMachineThatCouldRunRealOnes() {
        assertThat(HostChoice.decide(Wanted.CONTAINERS, CAN, ENGINE).kind()).isEqualTo(HostKind.CONTAINERS);
    }

    @Test
    void realHostsForcedWhereTheyCannotRunFailWithTheReason() {
        assertThat(HostChoice.decide(Wanted.REAL, CAN, NO_ENGINE).kind()).isEqualTo(HostKind.REAL);
        assertThatThrownBy(() -> HostChoice.decide(Wanted.REAL, CANNOT, ENGINE))
                .hasMessage("--hosts real, but real hosts cannot run here: real hosts need root; this is user 1000");
    }

    @Test
    void containerHostsForcedWhereNoDockerApiAnswersFailWithTheReason() {
        assertThatThrownBy(() -> HostChoice.decide(Wanted.CONTAINERS, CAN, NO_ENGINE))
                .hasMessage("--hosts containers, but container hosts cannot run here: container hosts need a Docker"
                        + " API: none answers on /var/run/docker.sock");
    }
}
