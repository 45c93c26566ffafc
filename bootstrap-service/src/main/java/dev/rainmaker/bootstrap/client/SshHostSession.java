package dev.rainmaker.bootstrap.client;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

import dev.rainmaker.bootstrap.domain.CommandOutput;
import dev.rainmaker.bootstrap.service.FirstLoginSession;
import dev.rainmaker.bootstrap.service.HardeningFailure;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.session.ClientSession;

/**
 * One logged-in SSH session: runs each command on its own exec channel, with standard input when given (then end of
 * file), and returns its exit status and output.
 */
final class SshHostSession implements FirstLoginSession {

    private final ClientSession session;
    private final Duration commandTimeout;
    private final String target;
    private final String presentedHostKey;

    SshHostSession(ClientSession session, Duration commandTimeout, String target, String presentedHostKey) {
        this.session = session;
        this.commandTimeout = commandTimeout;
        this.target = target;
        this.presentedHostKey = presentedHostKey;
    }

    @Override
    public String presentedHostKeyFingerprint() {
        return presentedHostKey;
    }

    @Override
    public CommandOutput run(String command) {
        return run(command, null);
    }

    @Override
    public CommandOutput run(String command, byte[] standardInput) {
        try (ChannelExec channel = session.createExecChannel(command)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            channel.setOut(out);
            channel.setErr(err);
            if (standardInput != null) {
                channel.setIn(new ByteArrayInputStream(standardInput));
            }
            channel.open().verify(commandTimeout);
            Set<ClientChannelEvent> events = channel.waitFor(
                    EnumSet.of(ClientChannelEvent.CLOSED, ClientChannelEvent.EXIT_STATUS), commandTimeout);
            if (events.contains(ClientChannelEvent.TIMEOUT)) {
                throw new HardeningFailure("a command on " + target + " did not finish within " + commandTimeout);
            }
            channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), Duration.ofSeconds(5));
            Integer status = channel.getExitStatus();
            return new CommandOutput(
                    status == null ? -1 : status,
                    out.toString(StandardCharsets.UTF_8),
                    err.toString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "SSH to " + target + " failed while running a command: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        session.close(false);
    }
}
