package dev.rainmaker.stack.client;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.rainmaker.stack.config.StackConfig;
import dev.rainmaker.stack.domain.PortState;
import dev.rainmaker.stack.domain.WebPage;
import dev.rainmaker.stack.service.HostProbe;
import dev.rainmaker.stack.service.PermanentFailure;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.session.ClientSession;

/**
 * The outside view over the plain network: TCP connects, an SSH client that offers no key and no password (any host
 * key is fine: nothing is sent that needs protecting), and an HTTP GET.
 */
@ApplicationScoped
public class NetworkHostProbe implements HostProbe, AutoCloseable {

    /** Any name: OpenSSH lists the same methods for every user, so no account is revealed or needed. */
    private static final String PROBE_USER = "probe";

    private final Duration timeout;
    private final SshClient ssh;
    private final HttpClient http;

    @Inject
    public NetworkHostProbe(StackConfig config) {
        this(config.outside().connectTimeout());
    }

    /** @param timeout how long a port may stay silent; a session or a request may take five times that */
    public NetworkHostProbe(Duration timeout) {
        this.timeout = timeout;
        this.ssh = SshClient.setUpDefaultClient();
        // Any key, silently: Apache SSHD's AcceptAllServerKeyVerifier logs a warning per host, one per customer.
        ssh.setServerKeyVerifier((session, remoteAddress, serverKey) -> true);
        ssh.setUserAuthFactories(OfferedMethodsProbe.factories());
        ssh.start();
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @PreDestroy
    @Override
    public void close() {
        ssh.stop();
        http.close();
    }

    @Override
    public PortState port(String address, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), (int) timeout.toMillis());
            return PortState.OPEN;
        } catch (ConnectException refused) {
            return PortState.REFUSED;
        } catch (SocketTimeoutException dropped) {
            return PortState.FILTERED;
        } catch (IOException unreachable) {
            return PortState.FILTERED;
        }
    }

    @Override
    public Set<String> sshAuthMethods(String address, int port) {
        Duration sessionTimeout = timeout.multipliedBy(5);
        try (ClientSession session =
                ssh.connect(PROBE_USER, address, port).verify(sessionTimeout).getSession()) {
            Set<String> offered = new ConcurrentSkipListSet<>();
            session.setAttribute(OfferedMethodsProbe.OFFERED, offered);
            boolean admitted = session.auth().await(sessionTimeout) && session.isAuthenticated();
            Set<String> methods = new TreeSet<>(offered);
            if (admitted) {
                methods.add("none");
            }
            return methods;
        } catch (IOException e) {
            throw new PermanentFailure(
                    "no SSH server answered on " + address + ":" + port + " from outside: " + e.getMessage());
        }
    }

    @Override
    public WebPage get(URI url) {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(url).timeout(timeout.multipliedBy(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new WebPage(response.statusCode(), response.body());
        } catch (IOException e) {
            return WebPage.unreachable(e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return WebPage.unreachable("interrupted");
        }
    }
}
