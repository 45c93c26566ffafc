package dev.rainmaker.localcloud.hosts.real;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import dev.rainmaker.localcloud.LocalCloudInfo;
import dev.rainmaker.localcloud.LocalCloudMain;
import dev.rainmaker.localcloud.hosts.HostKey;
import dev.rainmaker.localcloud.hosts.ProvisioningKey;
import dev.rainmaker.localcloud.hosts.TestCloudConfig;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A local cloud with real hosts, as {@code ./rainmaker up} runs it (its own process), stopped as Ctrl-C or
 * {@code kill} stops it (SIGTERM) or killed outright (SIGKILL): afterwards no host, namespace, veth link, package proxy
 * or address of it is left on the machine. After SIGKILL nothing of it runs (its children get a parent-death signal);
 * its namespaces and the address on {@code lo} go with the next start's sweep, done here explicitly.
 */
class RealHostsCleanStopTests {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TempDir
    Path dir;

    @ParameterizedTest(name = "SIG{0}")
    @ValueSource(strings = {"TERM", "KILL"})
    void nothingOfALocalCloudWithRealHostsIsLeftAfterItIsStoppedOrKilled(String signal) throws Exception {
        Availability availability = RealHosts.availability();
        assumeTrue(availability.available(), () -> "real hosts cannot run here: " + availability.reason());
        assumeTrue(
                Ledger.ofThisMachine().liveRuns().isEmpty(),
                "another run with real hosts is live on this machine: what is left would be hard to tell apart");
        boolean addressWasThere = AptProxy.addressOnLoopback();
        Set<String> namespacesBefore = namespaces();

        Process cloud = startLocalCloud();
        try {
            LocalCloudInfo info = awaitInfo(cloud);
            long droplet = createDroplet(info);
            awaitActive(info, droplet);
            Set<String> ours = new HashSet<>(namespaces());
            ours.removeAll(namespacesBefore);
            assertThat(ours).as("the namespace of the droplet's host").hasSize(1);
            String namespace = ours.iterator().next();
            List<MachineProcess> proxies = AptProxy.runningProxies().stream()
                    .filter(p -> p.parentPid() == cloud.pid())
                    .toList();
            List<MachineProcess> hosts = nspawnOf(namespace);
            assertThat(hosts).as("systemd-nspawn of %s", namespace).isNotEmpty();

            if (signal.equals("TERM")) {
                cloud.destroy();
            } else {
                cloud.destroyForcibly();
            }
            assertThat(cloud.waitFor(3, TimeUnit.MINUTES))
                    .as("the local cloud ended after SIG%s", signal)
                    .isTrue();

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(proxies)
                        .as("apt-cacher-ng started by the local cloud, after SIG%s", signal)
                        .noneMatch(p -> MachineProcess.alive(p.pid(), p.startTime()));
                assertThat(hosts)
                        .as("systemd-nspawn of %s after SIG%s", namespace, signal)
                        .noneMatch(p -> MachineProcess.alive(p.pid(), p.startTime()));
            });
            if (signal.equals("KILL")) {
                List<String> swept = RealHosts.sweepLeftovers();
                assertThat(swept).as("what the sweep removed").anyMatch(line -> line.contains(namespace));
            }
            assertThat(Path.of("/run/netns", namespace))
                    .as("namespace after SIG%s", signal)
                    .doesNotExist();
            assertThat(new HostNetwork(Integer.parseInt(namespace.substring(3))).inUse())
                    .as("%s or its veth link after SIG%s", namespace, signal)
                    .isFalse();
            assertThat(dir.resolve("hosts").resolve(namespace))
                    .as("the host's root file system")
                    .doesNotExist();
            assertThat(AptProxy.addressOnLoopback())
                    .as("%s on lo after SIG%s", AptProxy.ADDRESS, signal)
                    .isEqualTo(addressWasThere);
            assertThat(AptProxy.runningProxies())
                    .as("apt-cacher-ng on %s", AptProxy.ADDRESS)
                    .isEmpty();
        } finally {
            cloud.destroyForcibly();
        }
    }

    private Process startLocalCloud() throws Exception {
        return new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        LocalCloudMain.class.getName(),
                        "--state-dir",
                        dir.toString(),
                        "--kafka-port",
                        "0",
                        "--boot-delay",
                        "100ms",
                        "--hosts",
                        "real",
                        "--do-limits",
                        "off")
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("local-cloud.log").toFile())
                .start();
    }

    private LocalCloudInfo awaitInfo(Process cloud) {
        Path infoFile = dir.resolve("local-cloud.properties");
        await().atMost(Duration.ofMinutes(5))
                .pollInterval(Duration.ofMillis(200))
                .failFast(
                        "the local cloud ended; see its log " + dir.resolve("local-cloud.log"), () -> !cloud.isAlive())
                .until(() -> Files.exists(infoFile));
        return LocalCloudInfo.readFrom(infoFile);
    }

    private long createDroplet(LocalCloudInfo info) throws Exception {
        ProvisioningKey key = ProvisioningKey.createOrReuse(dir);
        JsonObject body = new JsonObject()
                .put("name", "rm-clean-stop")
                .put("region", "fra1")
                .put("size", "s-1vcpu-1gb")
                .put("image", "debian-12-x64")
                .put("tags", new JsonArray().add("rainmaker"))
                .put("user_data", TestCloudConfig.render(HostKey.generate(), List.of(key.publicKeyLine())));
        HttpResponse<String> created = send(info, "POST", "/v2/droplets", body.encode());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(202);
        return new JsonObject(created.body()).getJsonObject("droplet").getLong("id");
    }

    private void awaitActive(LocalCloudInfo info, long droplet) {
        await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> new JsonObject(send(info, "GET", "/v2/droplets/" + droplet, null)
                                .body())
                        .getJsonObject("droplet")
                        .getString("status")
                        .equals("active"));
    }

    private static HttpResponse<String> send(LocalCloudInfo info, String method, String path, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(info.digitalOceanUrl() + path))
                .header("Authorization", "Bearer " + info.digitalOceanToken())
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Set<String> namespaces() throws Exception {
        Path netns = Path.of("/run/netns");
        if (!Files.isDirectory(netns)) {
            return Set.of();
        }
        try (var entries = Files.list(netns)) {
            return new HashSet<>(entries.map(p -> p.getFileName().toString()).toList());
        }
    }

    private static List<MachineProcess> nspawnOf(String namespace) {
        return MachineProcess.all().stream()
                .filter(p -> p.name().equals("systemd-nspawn")
                        && p.commandLine().contains("--network-namespace-path=/run/netns/" + namespace))
                .toList();
    }
}
