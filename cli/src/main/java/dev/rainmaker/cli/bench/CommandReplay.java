package dev.rainmaker.cli.bench;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.KeyPair;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;

import dev.rainmaker.localcloud.hosts.SessionLog.RecordedCommand;
import dev.rainmaker.localcloud.hosts.SessionLog.RecordedSession;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.session.ClientSession;

/**
 * Replays recorded SSH sessions on a host: one login per session as its user, each command on its own exec channel with
 * the standard input it was given, in order, as bootstrap-service and stack-service do. Host keys are not checked (the
 * replayed commands rotate them); nothing else is skipped.
 */
final class CommandReplay implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final SshClient client;
    private final KeyPair identity;
    private final int port;

    CommandReplay(KeyPair identity, int port) {
        this.identity = identity;
        this.port = port;
        client = SshClient.setUpDefaultClient();
        client.setServerKeyVerifier((session, address, key) -> true);
        client.start();
    }

    /**
     * Runs every session on {@code address}; returns how many commands exited with a status other than 0 (as in the
     * pipeline, the services' probes, such as {@code id -u ada} before the user is made, fail on a fresh host).
     */
    int replay(String address, List<RecordedSession> sessions) {
        int failures = 0;
        for (RecordedSession recorded : sessions) {
            try (ClientSession session = client.connect(recorded.user(), address, port)
                    .verify(TIMEOUT)
                    .getSession()) {
                session.addPublicKeyIdentity(identity);
                session.auth().verify(TIMEOUT);
                for (RecordedCommand command : recorded.commands()) {
                    failures += run(session, command) == 0 ? 0 : 1;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("replay on " + address + " failed: " + e.getMessage(), e);
            }
        }
        return failures;
    }

    private static int run(ClientSession session, RecordedCommand command) throws IOException {
        try (ChannelExec channel = session.createExecChannel(command.command())) {
            channel.setIn(new ByteArrayInputStream(command.standardInput()));
            channel.setOut(new ByteArrayOutputStream());
            channel.setErr(new ByteArrayOutputStream());
            channel.open().verify(TIMEOUT);
            channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), TIMEOUT);
            Integer status = channel.getExitStatus();
            return status == null ? -1 : status;
        }
    }

    @Override
    public void close() {
        client.stop();
    }
}
