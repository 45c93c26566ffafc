package dev.rainmaker.localcloud.hosts;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import dev.rainmaker.localcloud.hosts.model.HostState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class SimulatedHostPortsTests {

    @TempDir
    Path keys;

    private SimulatedHosts hosts;
    private SimulatedHost host;
    private HostState state;

    @BeforeEach
    void boot() {
        hosts = SimulatedHosts.onFreePort();
        ProvisioningKey key = ProvisioningKey.createOrReuse(keys);
        String address = hosts.boot(
                new HostSpec(1, "rm-ports", TestCloudConfig.render(HostKey.generate(), List.of(key.publicKeyLine()))));
        host = hosts.host(address);
        state = host.state();
    }

    @AfterEach
    void shutdown() {
        hosts.close();
    }

    @Test
    void theAppPortAnswersFromTheModelOnlyWhileNginxRuns() throws Exception {
        assertThat(reachable(hosts.appPort())).as("before nginx is installed").isFalse();

        host.run("apt-get install -y nginx");
        host.run("systemctl enable --now nginx");

        assertThat(reachable(hosts.appPort())).isTrue();
        HttpResponse<String> answer = get();
        assertThat(answer.statusCode()).as("no app page yet").isEqualTo(403);

        host.run("systemctl stop nginx");
        assertThat(reachable(hosts.appPort())).as("after nginx stopped").isFalse();
    }

    @Test
    void memcachedOnEveryInterfaceIsReachableOnTheHostsAddressAndOnLoopbackOnlyItIsNot() throws Exception {
        host.run("apt-get install -y memcached");
        host.run("systemctl enable --now memcached");
        assertThat(reachable(11211))
                .as("memcached with no -l line listens everywhere")
                .isTrue();

        state.files.put("/etc/memcached.conf", "-p 11211\n-l 127.0.0.1\n");
        host.syncPorts();

        assertThat(reachable(11211)).as("memcached on 127.0.0.1 only").isFalse();
    }

    private boolean reachable(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host.address(), port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private HttpResponse<String> get() throws Exception {
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(
                    HttpRequest.newBuilder(URI.create("http://" + host.address() + ":" + hosts.appPort() + "/"))
                            .timeout(Duration.ofSeconds(5))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }
}
