package dev.rainmaker.hostaccess.ssh;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.rainmaker.events.Droplet;
import dev.rainmaker.hostaccess.FirstLoginShell;
import dev.rainmaker.hostaccess.HostKeyMismatch;
import dev.rainmaker.hostaccess.HostShell;
import dev.rainmaker.hostaccess.HostShells;
import dev.rainmaker.hostaccess.HostUnreachable;
import dev.rainmaker.hostaccess.LoginRefused;
import dev.rainmaker.hostaccess.config.SshConfig;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.future.AuthFuture;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.SshException;
import org.jboss.logging.Logger;

/**
 * Root shells on droplets over Apache SSHD: one client for the whole service, the provisioning key as the only
 * identity, only the droplet's pinned host key trusted. Two failures are final at once: the host presented another
 * key ({@code HostKeyMismatch}), or it answered the login and refused the key ({@code LoginRefused}). Any other
 * failure to log in is what a booting host does (refused, reset or closed connections, no route, no answer in time)
 * and is tried again under the {@link RetryPolicy} until its budget is spent ({@code HostUnreachable}).
 */
@ApplicationScoped
public class SshHostShells implements HostShells, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(SshHostShells.class);
    private static final String USER = "root";

    private final SshSettings settings;
    private final ProvisioningKeyFile key;
    private final SshClient client;
    private final SshMetrics metrics;

    @Inject
    SshHostShells(SshConfig config, ProvisioningKeyFile key, MeterRegistry registry) {
        this(SshSettings.from(config), key, registry);
    }

    public SshHostShells(SshSettings settings, ProvisioningKeyFile key, MeterRegistry registry) {
        this.settings = settings;
        this.key = key;
        this.metrics = new SshMetrics(registry);
        this.client = SshClient.setUpDefaultClient();
        client.setServerKeyVerifier(HostKeyPin.VERIFIER);
        client.start();
    }

    @PreDestroy
    @Override
    public void close() {
        client.stop();
    }

    @Override
    public HostShell open(Droplet droplet) {
        return open(droplet, () -> HostKeyPin.only(droplet.hostKeyFingerprint()));
    }

    @Override
    public FirstLoginShell openFirstLogin(Droplet droplet, String finalKeyFingerprint) {
        return open(droplet, () -> HostKeyPin.bootOrFinal(droplet.hostKeyFingerprint(), finalKeyFingerprint));
    }

    private SshHostShell open(Droplet droplet, Supplier<HostKeyPin> pins) {
        String host = "droplet " + droplet.name() + " (" + droplet.publicIpv4() + ":" + settings.port() + ")";
        List<KeyPair> identities = key.keyPairs();
        Backoff backoff = settings.retry().start(System::nanoTime);
        for (int attempt = 1; ; attempt++) {
            try {
                SshHostShell shell = logIn(droplet, host, pins.get(), identities);
                metrics.loggedIn();
                return shell;
            } catch (LoginRefused refused) {
                metrics.failed("login-refused");
                throw refused;
            } catch (HostKeyMismatch mismatch) {
                metrics.failed("host-key-mismatch");
                throw mismatch;
            } catch (InterruptedIOException stopping) {
                Thread.currentThread().interrupt();
                throw new HostUnreachable(host, attempt);
            } catch (IOException notYet) {
                Optional<Duration> wait = backoff.next();
                if (wait.isEmpty()) {
                    metrics.failed("unreachable");
                    throw new HostUnreachable(host, settings.retry().budget(), attempt, notYet.getMessage());
                }
                metrics.failed("not-yet");
                // Once per host at INFO, so that a host still booting shows in the log; each retry at DEBUG.
                LOG.logf(
                        attempt == 1 ? Logger.Level.INFO : Logger.Level.DEBUG,
                        "%s not reachable yet (attempt %d: %s); trying again in %d ms, for up to %s in all",
                        host,
                        attempt,
                        notYet.getMessage(),
                        wait.get().toMillis(),
                        settings.retry().budget());
                pause(wait.get(), host, attempt);
            }
        }
    }

    /** @throws IOException when the host failed as a booting host does: worth another attempt */
    private SshHostShell logIn(Droplet droplet, String host, HostKeyPin pin, List<KeyPair> identities)
            throws IOException {
        Duration timeout = settings.connectTimeout();
        ClientSession session = client.connect(USER, droplet.publicIpv4(), settings.port(), pin.asContext(), null)
                .verify(timeout)
                .getSession();
        AuthFuture auth;
        boolean answered;
        try {
            identities.forEach(session::addPublicKeyIdentity);
            auth = session.auth();
            answered = auth.await(timeout);
            if (answered && auth.isSuccess()) {
                return new SshHostShell(session, host, settings.commandTimeout(), pin.presented());
            }
        } catch (IOException e) {
            session.close(true);
            if (pin.mismatched()) {
                throw pin.mismatch(host);
            }
            throw e;
        }
        // The host answered the login and is still talking to us: it refused the key. A session closed meanwhile is
        // a host going away (or one whose key did not match, which closes it during the key exchange); so is a login
        // ended by the connection breaking, which can come before the session notices it is closed.
        boolean refused = answered && session.isOpen() && !brokenConnection(auth.getException());
        session.close(true);
        if (pin.mismatched()) {
            throw pin.mismatch(host);
        }
        String why = auth.getException() == null
                ? "no reason given"
                : auth.getException().getMessage();
        if (refused) {
            throw new LoginRefused(host, why);
        }
        throw new SshException(
                answered
                        ? "the connection closed during the login: " + why
                        : "no answer to the login within " + timeout);
    }

    /** A transport failure (reset, end of stream) anywhere in the cause chain, as opposed to SSH's own refusal. */
    static boolean brokenConnection(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException && !(cause instanceof SshException)) {
                return true;
            }
        }
        return false;
    }

    private static void pause(Duration wait, String host, int attempts) {
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HostUnreachable(host, attempts);
        }
    }
}
