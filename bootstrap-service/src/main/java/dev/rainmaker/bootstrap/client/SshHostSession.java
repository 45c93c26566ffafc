package dev.rainmaker.bootstrap.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

import dev.rainmaker.bootstrap.domain.CommandOutput;
import dev.rainmaker.bootstrap.service.HardeningFailure;
import dev.rainmaker.bootstrap.service.HostSession;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.session.ClientSession;

/** One logged-in SSH session: runs each command on its own exec channel and returns its exit status and output. */
final class SshHostSession implements HostSession {

    private final ClientSession session;
    private final Duration commandTimeout;
    private final String target;

    SshHostSession(ClientSession session, Duration commandTimeout, String target) {
        this.session = session;
        this.commandTimeout = commandTimeout;
        this.target = target;
    }

    @Override
    public CommandOutput run(String command) {
        try (ChannelExec channel = session.createExecChannel(command)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            channel.setOut(out);
            channel.setErr(err);
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
