package dev.rainmaker.cli.bench;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.List;

import dev.rainmaker.localcloud.hosts.HostKey;
import dev.rainmaker.localcloud.hosts.HostSpec;
import dev.rainmaker.localcloud.hosts.SessionLog.RecordedCommand;
import dev.rainmaker.localcloud.hosts.SessionLog.RecordedSession;
import dev.rainmaker.localcloud.hosts.SimulatedHosts;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CommandReplayTests {

    private static final List<RecordedSession> SESSIONS = List.of(
            new RecordedSession(
                    "root",
                    List.of(
                            new RecordedCommand("cat > /root/greeting", bytes("hello\n")),
                            new RecordedCommand("id -u 'nobody-yet'", new byte[0]))),
            new RecordedSession("root", List.of(new RecordedCommand("cat /root/greeting", new byte[0]))));

    @Test
    void replaysEverySessionAndCommandWithItsStandardInputAndCountsNonZeroExits() {
        KeyPair identity = HostKey.generate().keyPair();
        try (var hosts = SimulatedHosts.onFreePort();
                var replay = new CommandReplay(identity, hosts.sshPort())) {
            String address = hosts.boot(new HostSpec(
                    7,
                    "floor-test",
                    FloorDroplets.cloudConfig(HostKey.generate(), PublicKeyEntry.toString(identity.getPublic()))));

            int nonZeroExits = replay.replay(address, SESSIONS);

            assertThat(nonZeroExits).isEqualTo(1);
            List<RecordedSession> served = hosts.host(7L).sessionLog().sessions();
            assertThat(served).extracting(RecordedSession::user).containsExactly("root", "root");
            assertThat(served.get(0).commands())
                    .extracting(RecordedCommand::command)
                    .containsExactly("cat > /root/greeting", "id -u 'nobody-yet'");
            assertThat(new String(served.get(0).commands().get(0).standardInput(), StandardCharsets.UTF_8))
                    .isEqualTo("hello\n");
            assertThat(hosts.host(7L).run("cat /root/greeting").stdout()).isEqualTo("hello\n");
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
