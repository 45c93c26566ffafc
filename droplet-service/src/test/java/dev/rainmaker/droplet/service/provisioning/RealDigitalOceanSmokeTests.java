package dev.rainmaker.droplet.service.provisioning;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.rainmaker.droplet.client.DigitalOceanCalls;
import dev.rainmaker.droplet.client.DigitalOceanClient;
import dev.rainmaker.droplet.client.TestDropletConfig;
import dev.rainmaker.droplet.client.TokenStatus;
import dev.rainmaker.droplet.domain.CatalogueSize;
import dev.rainmaker.droplet.domain.DropletBatch;
import dev.rainmaker.droplet.domain.HostKey;
import dev.rainmaker.droplet.domain.RemoteDroplet;
import dev.rainmaker.droplet.service.Backoff;
import dev.rainmaker.droplet.service.DropletNames;
import dev.rainmaker.droplet.service.TestKeys;
import dev.rainmaker.droplet.service.TransientRetry;
import dev.rainmaker.droplet.service.fleet.DuplicateReaper;
import dev.rainmaker.droplet.service.fleet.FleetWatcher;
import dev.rainmaker.droplet.service.fleet.ListingPace;
import dev.rainmaker.droplet.service.fleet.WatchTiming;
import dev.rainmaker.droplet.service.sshkeys.CloudConfig;
import dev.rainmaker.droplet.service.sshkeys.HostKeys;
import dev.rainmaker.events.signup.OpenSshPublicKey;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.mutiny.core.Vertx;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Against real DigitalOcean, only when {@code DIGITALOCEAN_TOKEN} is set and the tag is asked for
 * ({@code ./mvnw -pl droplet-service test -DexcludedGroups= -Dgroups=real-digitalocean -Dtest=RealDigitalOceanSmokeTests}):
 * creates the smallest droplet, waits until it is active, checks that SSH answers on port 22, destroys it.
 */
@Tag("real-digitalocean")
@EnabledIfEnvironmentVariable(named = "DIGITALOCEAN_TOKEN", matches = ".+")
class RealDigitalOceanSmokeTests {

    private static final String SMALLEST_SIZE = "s-1vcpu-512mb-10gb";

    @Test
    void theSmallestDropletBootsAnswersSshAndIsDestroyed() throws Exception {
        Vertx vertx = Vertx.vertx();
        DigitalOceanClient client = new DigitalOceanClient(
                vertx,
                new TestDropletConfig(
                        "https://api.digitalocean.com",
                        Optional.of(System.getenv("DIGITALOCEAN_TOKEN")),
                        250,
                        5000,
                        Duration.ofSeconds(30)),
                new DigitalOceanCalls(new SimpleMeterRegistry()),
                new TokenStatus());
        CatalogueSize size = client.sizes().stream()
                .filter(s -> s.slug().equals(SMALLEST_SIZE)
                        && s.available()
                        && !s.regions().isEmpty())
                .findFirst()
                .orElseThrow(() -> new AssertionError(SMALLEST_SIZE + " is not offered anywhere"));
        HostKey hostKey = HostKeys.generate();
        String name = "rm-smoke-" + UUID.randomUUID().toString().substring(0, 8);
        RemoteDroplet created = client.createAll(new DropletBatch(
                        List.of(name),
                        size.regions().getFirst(),
                        SMALLEST_SIZE,
                        "debian-12-x64",
                        List.of("rainmaker-smoke-test", DropletNames.BOOTING_TAG),
                        CloudConfig.render(hostKey, OpenSshPublicKey.parse(TestKeys.ED25519))))
                .getFirst();
        try {
            TransientRetry retry = new TransientRetry(6, new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30)));
            FleetWatcher watcher = new FleetWatcher(
                    client,
                    new DuplicateReaper(client, new SimpleMeterRegistry()),
                    new WatchTiming(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ZERO),
                    retry,
                    new ListingPace(0.5, 250));
            RemoteDroplet active = watcher.awaitActive(created, Duration.ofMinutes(10), Duration.ofMinutes(1));

            assertThat(sshBanner(active.publicIpv4().orElseThrow(), Duration.ofMinutes(3)))
                    .startsWith("SSH-2.0-");
        } finally {
            client.destroy(created.id());
            vertx.closeAndAwait();
        }
    }

    private static String sshBanner(String address, Duration budget) throws InterruptedException {
        Instant deadline = Instant.now().plus(budget);
        IOException last = null;
        while (Instant.now().isBefore(deadline)) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(address, 22), 5000);
                socket.setSoTimeout(10_000);
                return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                        .readLine();
            } catch (IOException e) {
                last = e;
                Thread.sleep(5000);
            }
        }
        throw new AssertionError("no SSH banner from " + address + ":22 within " + budget, last);
    }
}
