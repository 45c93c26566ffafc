package dev.rainmaker.stack.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

import dev.rainmaker.stack.domain.CommandOutput;
import dev.rainmaker.stack.service.HostShell;
import dev.rainmaker.stack.service.PermanentFailure;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.session.ClientSession;

/** One authenticated SSH session; each command runs in its own exec channel. */
final class SshHostShell implements HostShell {

    private final ClientSession session;
    private final String host;
    private final Duration commandTimeout;

    SshHostShell(ClientSession session, String host, Duration commandTimeout) {
        this.session = session;
        this.host = host;
        this.commandTimeout = commandTimeout;
    }

    @Override
    public CommandOutput run(String command) {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        try (ChannelExec channel = session.createExecChannel(command)) {
            channel.setOut(stdout);
            channel.setErr(stderr);
            channel.open().verify(commandTimeout);
            Set<ClientChannelEvent> events = channel.waitFor(
                    EnumSet.of(ClientChannelEvent.CLOSED, ClientChannelEvent.EXIT_STATUS), commandTimeout);
            if (events.contains(ClientChannelEvent.TIMEOUT)) {
                throw new PermanentFailure("a command on " + host + " did not finish within " + commandTimeout + ": "
                        + firstWords(command));
            }
            channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), Duration.ofSeconds(5));
            Integer status = channel.getExitStatus();
            return new CommandOutput(
                    status == null ? -1 : status,
                    stdout.toString(StandardCharsets.UTF_8),
                    stderr.toString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new PermanentFailure("lost the SSH connection to " + host + " while running: " + firstWords(command)
                    + " (" + e.getMessage() + ")");
        }
    }

    @Override
    public String host() {
        return host;
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (IOException e) {
            // Closing a session that is already gone leaves nothing to clean up.
        }
    }

    /** Commands may carry whole files: a message names only their start. */
    private static String firstWords(String command) {
        return command.length() <= 60 ? command : command.substring(0, 60) + "...";
    }
}
