package dev.rainmaker.bootstrap.client;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.rainmaker.bootstrap.config.SshConfig;
import dev.rainmaker.bootstrap.service.FirstLoginSession;
import dev.rainmaker.bootstrap.service.HardeningFailure;
import dev.rainmaker.bootstrap.service.HostSession;
import dev.rainmaker.bootstrap.service.HostSessions;
import dev.rainmaker.events.Droplet;
import io.quarkus.runtime.ShutdownEvent;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.AttributeRepository;
import org.jboss.logging.Logger;

/**
 * SSH to droplets with Apache SSHD: one shared client; root with the provisioning key; only the droplet's pinned host
 * key accepted (at first login: its boot key or its final key). Refused connections and timeouts (a host still
 * booting) are retried with exponential backoff and jitter within the connect budget; a host key mismatch or a refused
 * login fails at once.
 */
@ApplicationScoped
public class SshHostSessions implements HostSessions {

    private static final Logger LOG = Logger.getLogger(SshHostSessions.class);

    private final SshConfig config;
    private final ProvisioningIdentity identity;
    private final SshClient client;

    public SshHostSessions(SshConfig config, ProvisioningIdentity identity) {
        this.config = config;
        this.identity = identity;
        this.client = SshClient.setUpDefaultClient();
        client.setServerKeyVerifier(PinnedHostKey.VERIFIER);
        client.start();
    }

    void stop(@Observes ShutdownEvent event) {
        client.stop();
    }

    @Override
    public HostSession open(Droplet droplet) {
        return open(droplet, () -> PinnedHostKey.only(droplet.hostKeyFingerprint()));
    }

    @Override
    public FirstLoginSession openAcceptingFinalKey(Droplet droplet, String finalKeyFingerprint) {
        return open(droplet, () -> PinnedHostKey.bootOrFinal(droplet.hostKeyFingerprint(), finalKeyFingerprint));
    }

    private SshHostSession open(Droplet droplet, Supplier<PinnedHostKey> pins) {
        String target = "droplet " + droplet.id() + " at " + droplet.publicIpv4() + ":" + config.port();
        long deadline = System.nanoTime() + config.connectBudget().toNanos();
        Duration delay = config.initialRetryDelay();
        for (int attempt = 1; ; attempt++) {
            PinnedHostKey pinned = pins.get();
            try {
                ClientSession session = connect(droplet, pinned);
                return new SshHostSession(session, config.commandTimeout(), target, pinned.presented());
            } catch (IOException e) {
                if (pinned.mismatched()) {
                    throw new HardeningFailure("host key mismatch on " + target + ": expected " + pinned.expected()
                            + " but the host presented " + pinned.presented() + "; refusing to log in");
                }
                if (!isTransient(e)) {
                    throw new HardeningFailure(
                            "cannot log in to " + target + " as root with the provisioning key: " + e.getMessage(), e);
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new HardeningFailure(
                            "no SSH answer from " + target + " within " + config.connectBudget() + " (" + attempt
                                    + " attempts; last: " + e.getMessage() + ")",
                            attempt);
                }
                long sleep = Math.min(
                        left, ThreadLocalRandom.current().nextLong(delay.toMillis() / 2, delay.toMillis() + 1));
                LOG.debugf(
                        "%s not reachable yet (attempt %d: %s); retrying in %d ms",
                        target, attempt, e.getMessage(), sleep);
                pause(sleep);
                delay = min(delay.multipliedBy(2), config.maxRetryDelay());
            }
        }
    }

    private ClientSession connect(Droplet droplet, PinnedHostKey pinned) throws IOException {
        Duration timeout = config.connectTimeout();
        ClientSession session = client.connect(
                        "root",
                        droplet.publicIpv4(),
                        config.port(),
                        AttributeRepository.ofKeyValuePair(PinnedHostKey.KEY, pinned),
                        null)
                .verify(timeout)
                .getSession();
        try {
            session.addPublicKeyIdentity(identity.keyPair());
            session.auth().verify(timeout);
            return session;
        } catch (IOException | RuntimeException e) {
            session.close(true);
            throw e;
        }
    }

    private static boolean isTransient(IOException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException
                    || cause instanceof NoRouteToHostException
                    || cause instanceof SocketTimeoutException
                    || cause instanceof TimeoutException) {
                return true;
            }
        }
        // Apache SSHD reports its own timeouts, and a booting sshd dropping the connection, only in the message.
        String message = String.valueOf(e.getMessage());
        return message.contains("timeout") || message.contains("Connection refused") || message.contains("closed");
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HardeningFailure("interrupted while waiting for a host to answer");
        }
    }
}
