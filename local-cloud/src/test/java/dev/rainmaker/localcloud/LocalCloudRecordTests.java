package dev.rainmaker.localcloud;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import dev.rainmaker.localcloud.hosts.SessionLog.RecordedCommand;
import dev.rainmaker.localcloud.hosts.SessionLog.RecordedSession;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalCloudRecordTests {

    @Test
    void readsBackWhatItWroteWithCommandsAndStandardInputIntact() {
        var record = new LocalCloudRecord(
                12,
                3,
                Map.of("POST /v2/droplets", 2L, "GET /v2/droplets", 10L),
                Map.of(
                        41L,
                        List.of(
                                new RecordedSession(
                                        "root",
                                        List.of(
                                                new RecordedCommand(
                                                        "cat > '/etc/a b' && echo \"$X\"",
                                                        "line one\nline two\n".getBytes(StandardCharsets.UTF_8)),
                                                new RecordedCommand("id -u ada", new byte[0]))),
                                new RecordedSession("ada", List.of()))));

        LocalCloudRecord read = LocalCloudRecord.parse(record.lines());

        assertThat(read.apiCalls()).isEqualTo(12);
        assertThat(read.rateLimited()).isEqualTo(3);
        assertThat(read.callsPerEndpoint()).isEqualTo(record.callsPerEndpoint());
        List<RecordedSession> sessions = read.sessionsPerDroplet().get(41L);
        assertThat(sessions).extracting(RecordedSession::user).containsExactly("root", "ada");
        assertThat(sessions.get(0).commands())
                .extracting(RecordedCommand::command)
                .containsExactly("cat > '/etc/a b' && echo \"$X\"", "id -u ada");
        assertThat(new String(sessions.get(0).commands().get(0).standardInput(), StandardCharsets.UTF_8))
                .isEqualTo("line one\nline two\n");
        assertThat(sessions.get(0).commands().get(1).standardInput()).isEmpty();
        assertThat(sessions.get(1).commands()).isEmpty();
    }

    @Test
    void refusesACommandOutsideASession() {
        assertThatThrownBy(() -> LocalCloudRecord.parse(List.of("exec aWQ= -")))
                .hasMessageContaining("before any session");
    }
}
