package dev.rainmaker.localcloud.hosts;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import dev.rainmaker.localcloud.hosts.model.CommandResult;
import dev.rainmaker.localcloud.hosts.model.StandardInput;
import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;

/**
 * The sshd of one simulated host: listens on the host's own address, presents the host keys the host's sshd has loaded
 * (at first the one pinned in the cloud-config), accepts public keys only (no password, no keyboard-interactive) and
 * hands each exec request, with its standard input, to the host. Can be closed and opened again to model a host that
 * does not answer yet.
 */
final class HostSshServer implements AutoCloseable {

    private static final AttributeKey<Integer> SESSION_NUMBER = new AttributeKey<>();

    private final SimulatedHost host;
    private final int port;
    private SshServer server;
    private boolean destroyed;

    HostSshServer(SimulatedHost host, int port) {
        this.host = host;
        this.port = port;
    }

    synchronized void open() {
        if (server != null || destroyed) {
            return;
        }
        SshServer sshd = SshServer.setUpDefaultServer();
        sshd.setHost(host.address());
        sshd.setPort(port);
        sshd.setKeyPairProvider(session -> host.hostKeys());
        sshd.setPasswordAuthenticator(null);
        sshd.setKeyboardInteractiveAuthenticator(null);
        sshd.setPublickeyAuthenticator((user, key, session) -> host.accepts(user, key));
        sshd.setCommandFactory((channel, command) -> new ExecCommand(host, command));
        try {
            sshd.start();
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "simulated host " + host.address() + " cannot listen on port " + port + ": " + e.getMessage(), e);
        }
        server = sshd;
    }

    /** Closes the port for good: a pending re-open (after refused connections) no longer happens. */
    synchronized void destroy() {
        destroyed = true;
        close();
    }

    @Override
    public synchronized void close() {
        if (server == null) {
            return;
        }
        try {
            server.stop(true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            server = null;
        }
    }

    /** One exec request: runs the command on the host off the SSH I/O threads, then reports its output and status. */
    private static final class ExecCommand implements Command {

        private final SimulatedHost host;
        private final String command;
        private InputStream in;
        private OutputStream out;
        private OutputStream err;
        private ExitCallback exit;
        private volatile Thread running;

        ExecCommand(SimulatedHost host, String command) {
            this.host = host;
            this.command = command;
        }

        @Override
        public void setInputStream(InputStream in) {
            this.in = in;
        }

        @Override
        public void setOutputStream(OutputStream out) {
            this.out = out;
        }

        @Override
        public void setErrorStream(OutputStream err) {
            this.err = err;
        }

        @Override
        public void setExitCallback(ExitCallback exit) {
            this.exit = exit;
        }

        @Override
        public void start(ChannelSession channel, Environment env) {
            var session = channel.getSession();
            int number = session.computeAttributeIfAbsent(
                    SESSION_NUMBER, key -> host.sessionLog().opened(session.getUsername()));
            running =
                    Thread.ofVirtual().name("simulated-host-" + host.address()).start(() -> runOnHost(number));
        }

        private void runOnHost(int session) {
            var read = new java.io.ByteArrayOutputStream();
            var recordedInput = new java.io.FilterInputStream(in) {
                @Override
                public int read() throws IOException {
                    int b = super.read();
                    if (b >= 0) {
                        read.write(b);
                    }
                    return b;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int n = super.read(buffer, offset, length);
                    if (n > 0) {
                        read.write(buffer, offset, n);
                    }
                    return n;
                }
            };
            CommandResult result = host.run(command, StandardInput.from(recordedInput));
            host.sessionLog().executed(session, command, read.toByteArray());
            try {
                out.write(result.stdout().getBytes(StandardCharsets.UTF_8));
                out.flush();
                if (!result.stderr().isEmpty()) {
                    err.write((result.stderr() + "\n").getBytes(StandardCharsets.UTF_8));
                    err.flush();
                }
            } catch (IOException e) {
                exit.onExit(255, "cannot write the command's output: " + e.getMessage());
                return;
            }
            exit.onExit(result.exitStatus());
        }

        /** The channel closed: a command still waiting (a slow one whose client gave up) stops waiting. */
        @Override
        public void destroy(ChannelSession channel) {
            Thread thread = running;
            if (thread != null) {
                thread.interrupt();
            }
        }
    }
}
