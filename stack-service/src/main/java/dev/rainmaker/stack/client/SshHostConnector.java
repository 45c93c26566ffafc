package dev.rainmaker.stack.client;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import dev.rainmaker.events.Droplet;
import dev.rainmaker.stack.config.SshConfig;
import dev.rainmaker.stack.service.HostConnector;
import dev.rainmaker.stack.service.HostShell;
import dev.rainmaker.stack.service.PermanentFailure;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.session.ClientSession;
import org.jboss.logging.Logger;

/**
 * Root shells on droplets over Apache SSHD: one client for the whole service, the provisioning key as the only
 * identity, the droplet's pinned host key as the only key trusted. A host that refuses or drops the connection (still
 * booting) is tried again with backoff and jitter until the connect budget is spent; a different host key or a
 * refused login fails at once.
 */
@ApplicationScoped
public class SshHostConnector implements HostConnector {

    private static final Logger LOG = Logger.getLogger(SshHostConnector.class);
    private static final String USER = "root";

    private final SshConfig config;
    private final SshClient client;

    public SshHostConnector(SshConfig config, ProvisioningKey key) {
        this.config = config;
        this.client = SshClient.setUpDefaultClient();
        client.setServerKeyVerifier(new PinnedHostKeyVerifier());
        client.setKeyIdentityProvider(session -> key.keyPairs());
        client.start();
    }

    @PreDestroy
    void stop() {
        client.stop();
    }

    @Override
    public HostShell connect(Droplet droplet) {
        String host = "droplet " + droplet.name() + " (" + droplet.publicIpv4() + ":" + config.port() + ")";
        Instant deadline = Instant.now().plus(config.connectBudget());
        Backoff backoff = new Backoff();
        for (int attempt = 1; ; attempt++) {
            try {
                return new SshHostShell(open(droplet, host), host, config.commandTimeout());
            } catch (IOException unreachable) {
                Duration wait = backoff.next();
                if (Instant.now().plus(wait).isAfter(deadline)) {
                    throw new PermanentFailure(
                            "could not reach " + host + " over SSH within " + config.connectBudget() + " (" + attempt
                                    + " attempts): " + unreachable.getMessage(),
                            attempt);
                }
                LOG.infof(
                        "%s not reachable yet (%s); trying again in %d ms",
                        host, unreachable.getMessage(), wait.toMillis());
                sleep(wait);
            }
        }
    }

    private ClientSession open(Droplet droplet, String host) throws IOException {
        Duration timeout = Duration.ofSeconds(30);
        ClientSession session = client.connect(
                        USER,
                        droplet.publicIpv4(),
                        config.port(),
                        PinnedHostKeyVerifier.pinning(droplet.hostKeyFingerprint()),
                        null)
                .verify(timeout)
                .getSession();
        try {
            session.auth().verify(timeout);
            return session;
        } catch (IOException e) {
            String rejected = session.getAttribute(PinnedHostKeyVerifier.REJECTED_FINGERPRINT);
            boolean stillOpen = session.isOpen();
            session.close(true);
            if (rejected != null) {
                throw new PermanentFailure(host + " presented host key " + rejected + ", not the pinned "
                        + droplet.hostKeyFingerprint() + ": refusing to connect");
            }
            if (stillOpen) {
                throw new PermanentFailure(host + " refused root login with the provisioning key: " + e.getMessage());
            }
            throw e;
        }
    }

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PermanentFailure("interrupted while waiting to reconnect over SSH", e);
        }
    }
}
