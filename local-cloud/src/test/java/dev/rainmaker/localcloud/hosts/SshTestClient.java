package dev.rainmaker.localcloud.hosts;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.EnumSet;

import dev.rainmaker.localcloud.hosts.model.CommandResult;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.keyverifier.ServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.util.security.SecurityUtils;

/** Logs in to a simulated host as root with one key and runs one command, verifying the host key as told. */
final class SshTestClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private SshTestClient() {}

    static KeyPair load(Path privateKeyFile) throws Exception {
        try (InputStream in = Files.newInputStream(privateKeyFile)) {
            return SecurityUtils.loadKeyPairIdentities(null, NamedResource.ofName("key"), in, null)
                    .iterator()
                    .next();
        }
    }

    static CommandResult run(String address, int port, KeyPair identity, ServerKeyVerifier verifier, String command)
            throws Exception {
        return run(address, port, identity, verifier, command, null);
    }

    /**
     * The same as a client with a command timeout: gives up (closes the channel and the session) when the command has
     * not ended within {@code timeout}, and then answers empty.
     */
    static java.util.Optional<CommandResult> runWithin(
            String address, int port, KeyPair identity, ServerKeyVerifier verifier, String command, Duration timeout)
            throws Exception {
        return exec(address, port, identity, verifier, command, null, timeout);
    }

    /** The same, sending {@code input} (when not null) as the command's standard input, then end of file. */
    static CommandResult run(
            String address, int port, KeyPair identity, ServerKeyVerifier verifier, String command, String input)
            throws Exception {
        return exec(address, port, identity, verifier, command, input, TIMEOUT)
                .orElseThrow(() -> new IllegalStateException("'" + command + "' did not end within " + TIMEOUT));
    }

    private static java.util.Optional<CommandResult> exec(
            String address,
            int port,
            KeyPair identity,
            ServerKeyVerifier verifier,
            String command,
            String input,
            Duration timeout)
            throws Exception {
        SshClient client = SshClient.setUpDefaultClient();
        client.setServerKeyVerifier(verifier);
        client.start();
        try (ClientSession session =
                client.connect("root", address, port).verify(TIMEOUT).getSession()) {
            session.addPublicKeyIdentity(identity);
            session.auth().verify(TIMEOUT);
            try (ChannelExec channel = session.createExecChannel(command)) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                ByteArrayOutputStream err = new ByteArrayOutputStream();
                channel.setOut(out);
                channel.setErr(err);
                if (input != null) {
                    channel.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
                }
                channel.open().verify(TIMEOUT);
                if (!channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), timeout)
                        .contains(ClientChannelEvent.CLOSED)) {
                    return java.util.Optional.empty();
                }
                return java.util.Optional.of(new CommandResult(
                        channel.getExitStatus(),
                        out.toString(StandardCharsets.UTF_8),
                        err.toString(StandardCharsets.UTF_8).trim()));
            }
        } finally {
            client.stop();
        }
    }
}
