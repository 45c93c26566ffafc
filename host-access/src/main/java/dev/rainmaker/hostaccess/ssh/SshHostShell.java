package dev.rainmaker.hostaccess.ssh;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

import dev.rainmaker.hostaccess.CommandOutput;
import dev.rainmaker.hostaccess.CommandTimedOut;
import dev.rainmaker.hostaccess.ConnectionLost;
import dev.rainmaker.hostaccess.FirstLoginShell;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.session.ClientSession;

/**
 * One logged-in SSH session: runs each command on its own exec channel, with standard input when given (then end of
 * file), and returns its exit status and output.
 */
final class SshHostShell implements FirstLoginShell {

    /** After the exit status, how long the host may take to close the channel and flush what is left of the output. */
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(5);

    private final ClientSession session;
    private final String host;
    private final Duration commandTimeout;
    private final String presentedHostKey;

    SshHostShell(ClientSession session, String host, Duration commandTimeout, String presentedHostKey) {
        this.session = session;
        this.host = host;
        this.commandTimeout = commandTimeout;
        this.presentedHostKey = presentedHostKey;
    }

    @Override
    public String presentedHostKeyFingerprint() {
        return presentedHostKey;
    }

    @Override
    public String host() {
        return host;
    }

    @Override
    public CommandOutput run(String command) {
        return run(command, null);
    }

    @Override
    public CommandOutput run(String command, byte[] standardInput) {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        try (ChannelExec channel = session.createExecChannel(command)) {
            channel.setOut(stdout);
            channel.setErr(stderr);
            if (standardInput != null) {
                channel.setIn(new ByteArrayInputStream(standardInput));
            }
            channel.open().verify(commandTimeout);
            Set<ClientChannelEvent> events = channel.waitFor(
                    EnumSet.of(ClientChannelEvent.CLOSED, ClientChannelEvent.EXIT_STATUS), commandTimeout);
            if (events.contains(ClientChannelEvent.TIMEOUT)) {
                throw new CommandTimedOut(host, command, commandTimeout);
            }
            channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), CLOSE_GRACE);
            Integer status = channel.getExitStatus();
            return new CommandOutput(
                    status == null ? -1 : status,
                    stdout.toString(StandardCharsets.UTF_8),
                    stderr.toString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ConnectionLost(host, command, e);
        }
    }

    @Override
    public void close() {
        session.close(false);
    }
}
