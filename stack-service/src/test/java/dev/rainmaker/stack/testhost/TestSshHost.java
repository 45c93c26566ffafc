package dev.rainmaker.stack.testhost;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.rainmaker.localcloud.hosts.model.CommandModel;
import dev.rainmaker.localcloud.hosts.model.CommandResult;
import dev.rainmaker.localcloud.hosts.model.HostState;
import dev.rainmaker.localcloud.hosts.model.StackCommands;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.digest.BuiltinDigests;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;

/**
 * A minimal simulated host for tests, until local-cloud's simulated hosts are there: an Apache SSHD server on a
 * loopback address with its own EC host key, accepting root with one authorised key, answering each command from the
 * stack's model and a test-only packages model over one {@link HostState}.
 */
public final class TestSshHost implements AutoCloseable {

    public final HostState state = new HostState();
    public final List<String> commands = new CopyOnWriteArrayList<>();

    private final List<CommandModel> models = List.of(new TestPackagesModel(), new StackCommands());
    private final KeyPair hostKey;
    private final SshServer server;

    private TestSshHost(KeyPair hostKey, SshServer server) {
        this.hostKey = hostKey;
        this.server = server;
    }

    public static TestSshHost start(String address, int port, PublicKey authorized) throws Exception {
        return start(address, port, authorized, ecKeyPair());
    }

    public static TestSshHost start(String address, int port, PublicKey authorized, KeyPair hostKey) throws Exception {
        SshServer server = SshServer.setUpDefaultServer();
        TestSshHost host = new TestSshHost(hostKey, server);
        server.setHost(address);
        server.setPort(port);
        server.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
        server.setPasswordAuthenticator(null);
        server.setKeyboardInteractiveAuthenticator(null);
        server.setPublickeyAuthenticator(
                (user, key, session) -> "root".equals(user) && KeyUtils.compareKeys(key, authorized));
        server.setCommandFactory((channel, command) -> host.new ModelCommand(command));
        server.start();
        return host;
    }

    public static KeyPair ecKeyPair() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    public int port() {
        return server.getPort();
    }

    /** {@code SHA256:...}, as OpenSSH prints it and droplet-service pins it. */
    public String hostKeyFingerprint() {
        return KeyUtils.getFingerPrint(BuiltinDigests.sha256, hostKey.getPublic());
    }

    @Override
    public void close() throws IOException {
        server.stop(true);
    }

    private final class ModelCommand implements Command {
        private final String command;
        private OutputStream out;
        private OutputStream err;
        private ExitCallback exit;

        ModelCommand(String command) {
            this.command = command;
        }

        @Override
        public void start(ChannelSession channel, Environment env) throws IOException {
            commands.add(command);
            CommandResult result = ModelHostShell.dispatch(command, state, models);
            out.write(result.stdout().getBytes(StandardCharsets.UTF_8));
            out.flush();
            err.write(result.stderr().getBytes(StandardCharsets.UTF_8));
            err.flush();
            exit.onExit(result.exitStatus());
        }

        @Override
        public void destroy(ChannelSession channel) {}

        @Override
        public void setExitCallback(ExitCallback callback) {
            this.exit = callback;
        }

        @Override
        public void setInputStream(InputStream in) {}

        @Override
        public void setOutputStream(OutputStream out) {
            this.out = out;
        }

        @Override
        public void setErrorStream(OutputStream err) {
            this.err = err;
        }
    }
}
