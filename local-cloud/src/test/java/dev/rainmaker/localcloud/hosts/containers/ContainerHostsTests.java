package dev.rainmaker.localcloud.hosts.containers;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.github.dockerjava.api.DockerClient;
import dev.rainmaker.localcloud.containers.DockerApiSocket;
import dev.rainmaker.localcloud.containers.PodmanApiService;
import dev.rainmaker.localcloud.hosts.HostKey;
import dev.rainmaker.localcloud.hosts.HostSpec;
import dev.rainmaker.localcloud.hosts.ProvisioningKey;
import dev.rainmaker.localcloud.hosts.TestCloudConfig;
import dev.rainmaker.localcloud.hosts.real.Availability;
import dev.rainmaker.localcloud.hosts.real.OpenSsh;
import dev.rainmaker.localcloud.hosts.real.RunOwner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.DockerClientFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Container hosts against the machine's container engine, through the Docker API this module's build points
 * {@code DOCKER_HOST} at (Podman serving it for the tests, started here when it does not answer yet); skipped, saying
 * why, where there is none.
 */
class ContainerHostsTests {

    private static PodmanApiService podman;

    @TempDir
    Path dir;

    @BeforeAll
    static void serveTheDockerApiWithPodmanWhereItIsThisBuildsOwn() {
        String ownSocket = System.getProperty("rainmaker.podman.socket");
        Path socket = DockerApiSocket.ofThisProcess().path();
        if (ownSocket != null && socket.equals(Path.of(ownSocket)) && !PodmanApiService.answers(socket)) {
            podman =
                    PodmanApiService.start(socket, socket.resolveSibling("podman-service.log"), Duration.ofSeconds(30));
        }
    }

    @AfterAll
    static void stopPodman() {
        if (podman != null) {
            podman.close();
        }
    }

    @Test
    void availabilitySaysWhy() {
        assertThat(ContainerHosts.availability().reason()).isNotBlank();
    }

    @Test
    void aDropletBootsADebianContainerWithItsPinnedKeyRootLogsInByKeyAndItIsGoneAfterDestroy() throws Exception {
        assumeContainerHostsCanRun();
        ProvisioningKey key = ProvisioningKey.createOrReuse(dir);
        HostKey hostKey = HostKey.generate();
        String userData = TestCloudConfig.render(hostKey, List.of(key.publicKeyLine()));
        DockerClient docker = DockerClientFactory.instance().client();

        String network;
        try (ContainerHosts hosts = ContainerHosts.start(ContainerHosts.Settings.defaults())) {
            network = hosts.networkName();
            Instant booting = Instant.now();
            String address = hosts.boot(new HostSpec(7, "rm-container-host", userData));
            System.out.printf(
                    "container host: sshd answered %d ms after boot was asked for%n",
                    Duration.between(booting, Instant.now()).toMillis());
            OpenSsh ssh =
                    new OpenSsh(Files.writeString(dir.resolve("known_hosts"), address + " " + hostKey.publicKeyLine()));

            OpenSsh.Result cloudInit = OpenSsh.untilConnected(
                    () -> ssh.run("root", address, key.privateKeyFile(), "cloud-init status --wait --format json"));
            assertThat(cloudInit.stdout())
                    .as(
                            "cloud-init status over SSH, only the pinned host key trusted (exit %d): %s",
                            cloudInit.exitStatus(), cloudInit.stderr())
                    .contains("\"status\": \"done\"");
            OpenSsh.Result systemd =
                    ssh.run("root", address, key.privateKeyFile(), "hostname; ps -o comm= -p 1; ufw --force enable");
            assertThat(systemd.stdout().lines().toList())
                    .as("hostname, PID 1 and ufw on the host (exit %d): %s", systemd.exitStatus(), systemd.stderr())
                    .startsWith("rm-container-host", "systemd")
                    .anyMatch(line -> line.contains("Firewall is active"));
            assertThat(containersOfDroplet(docker, 7)).hasSize(1);

            hosts.destroy(7);

            assertThat(containersOfDroplet(docker, 7))
                    .as("the droplet's container after destroy")
                    .isEmpty();
            hosts.boot(new HostSpec(8, "rm-container-host-2", userData));
        }
        assertThat(containersOfDroplet(docker, 8))
                .as("a host's container after close")
                .isEmpty();
        assertThat(docker.listNetworksCmd().withNameFilter(network).exec())
                .as("the run's network after close")
                .noneMatch(n -> n.getName().equals(network));
    }

    @Test
    void whatAKilledRunLeftIsSweptAndWhatALiveRunUsesIsNot() {
        assumeContainerHostsCanRun();
        DockerClient docker = DockerClientFactory.instance().client();
        RunOwner self = RunOwner.self();
        // Its id, but another start time: the process that made them is gone, its id reused.
        RunOwner killed = new RunOwner(self.pid(), self.startTime() - 1);
        String leftoverNetwork = "rmh-hosts-test-killed-" + self.pid();
        docker.createNetworkCmd()
                .withName(leftoverNetwork)
                .withLabels(Labels.ownedBy(killed))
                .exec();
        String image = new HostImage(docker).ensure(baseImage());
        String leftover = docker.createContainerCmd(image)
                .withName("rmh-hosts-test-killed-" + self.pid())
                .withCmd("/sbin/init")
                .withLabels(Labels.ownedBy(killed))
                .exec()
                .getId();
        String live = docker.createContainerCmd(image)
                .withName("rmh-hosts-test-live-" + self.pid())
                .withCmd("/sbin/init")
                .withLabels(Labels.ownedBy(self))
                .exec()
                .getId();
        try {
            List<String> removed = ContainerHosts.sweepLeftovers();

            assertThat(removed)
                    .contains("host network " + leftoverNetwork)
                    .anyMatch(line -> line.contains("rmh-hosts-test-killed-" + self.pid()));
            assertThat(docker.listContainersCmd()
                            .withShowAll(true)
                            .withIdFilter(List.of(leftover))
                            .exec())
                    .as("the killed run's container")
                    .isEmpty();
            assertThat(docker.listContainersCmd()
                            .withShowAll(true)
                            .withIdFilter(List.of(live))
                            .exec())
                    .as("a live run's container")
                    .hasSize(1);
        } finally {
            docker.removeContainerCmd(live).withForce(true).exec();
        }
    }

    private static void assumeContainerHostsCanRun() {
        Availability availability = ContainerHosts.availability();
        assumeTrue(availability.available(), () -> "container hosts cannot run here: " + availability.reason());
    }

    /** The cached tarball real hosts boot from; the first test that starts container hosts makes sure it is there. */
    private static Path baseImage() {
        try (var images = Files.newDirectoryStream(
                ContainerHosts.Settings.defaults().cacheDirectory(), "debian12-base-*.tar.zst")) {
            var found = images.iterator();
            assumeTrue(found.hasNext(), "no base image cached yet");
            return found.next();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<?> containersOfDroplet(DockerClient docker, long dropletId) {
        return docker.listContainersCmd()
                .withShowAll(true)
                .withLabelFilter(Map.of(
                        Labels.DROPLET,
                        Long.toString(dropletId),
                        Labels.OWNER,
                        RunOwner.self().text()))
                .exec();
    }
}
