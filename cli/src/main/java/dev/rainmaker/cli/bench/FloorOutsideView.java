package dev.rainmaker.cli.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.session.ClientSession;

/**
 * What stack-service's check from outside does on each host before it reports the stack installed, with no judgement
 * of what it sees: a TCP connect to each port it checks (side by side), an SSH key exchange and login attempt with no
 * key (which learns the methods sshd offers), and one HTTP GET of the app.
 */
final class FloorOutsideView implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final int sshPort;
    private final int appPort;
    private final SshClient ssh;
    private final HttpClient http;

    FloorOutsideView(int sshPort, int appPort) {
        this.sshPort = sshPort;
        this.appPort = appPort;
        ssh = SshClient.setUpDefaultClient();
        ssh.setServerKeyVerifier((session, address, key) -> true);
        ssh.start();
        http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    }

    void look(String address) {
        scan(address);
        try (ClientSession session =
                ssh.connect("probe", address, sshPort).verify(TIMEOUT).getSession()) {
            session.auth().await(TIMEOUT);
        } catch (IOException e) {
            throw new IllegalStateException("no SSH answer from " + address + ": " + e.getMessage(), e);
        }
        try {
            http.send(
                    HttpRequest.newBuilder(URI.create("http://" + address + ":" + appPort + "/"))
                            .timeout(TIMEOUT)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("the app on " + address + " did not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private void scan(String address) {
        List<Integer> ports = new ArrayList<>(List.of(sshPort, appPort));
        ports.addAll(BenchSettings.otherCheckedPorts());
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> connects = new ArrayList<>();
            for (int port : ports) {
                connects.add(threads.submit(() -> connect(address, port)));
            }
            for (Future<?> connect : connects) {
                connect.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("scanning " + address + " failed: " + e.getCause(), e);
        }
    }

    private static void connect(String address, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), (int) TIMEOUT.toMillis());
        } catch (IOException closedOrFiltered) {
            // What the port answered is the check's business, not the floor's: the attempt is the work.
        }
    }

    @Override
    public void close() {
        ssh.stop();
        http.close();
    }
}
