package dev.rainmaker.droplet.client;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import dev.rainmaker.droplet.domain.DropletBatch;
import dev.rainmaker.droplet.domain.RemoteDroplet;
import dev.rainmaker.droplet.health.DigitalOceanReadinessCheckAccess;
import dev.rainmaker.droplet.messaging.LoopbackTestHosts;
import dev.rainmaker.droplet.service.DigitalOceanException;
import dev.rainmaker.localcloud.digitalocean.DigitalOceanStandIn;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.mutiny.core.Vertx;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class DigitalOceanClientTests {

    private static final String TOKEN = "dop_v1_client_test_secret";

    private static Vertx vertx;
    private static DigitalOceanStandIn standIn;
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final TokenStatus tokenStatus = new TokenStatus();

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        standIn = DigitalOceanStandIn.builder()
                .token(TOKEN)
                .bootDelay(Duration.ofMillis(100))
                .hostProvider(new LoopbackTestHosts())
                .build()
                .start();
    }

    @AfterAll
    static void stop() {
        standIn.close();
        vertx.closeAndAwait();
    }

    @Test
    void dropletsAreCreatedTogetherListedByTagUntilTheyHaveTheirAddressesAndDestroyed() {
        DigitalOceanClient client = client(TOKEN);

        List<RemoteDroplet> created = client.createAll(new DropletBatch(
                List.of("rm-client-test-1", "rm-client-test-2"),
                "fra1",
                "s-1vcpu-1gb",
                "debian-12-x64",
                List.of("rainmaker", "rainmaker-client-test"),
                "#cloud-config\n"));

        assertThat(created).extracting(RemoteDroplet::name).containsExactly("rm-client-test-1", "rm-client-test-2");
        assertThat(created).allSatisfy(d -> {
            assertThat(d.status()).isEqualTo("new");
            assertThat(d.publicIpv4()).isEmpty();
        });
        await().atMost(Duration.ofSeconds(5))
                .until(() -> client.dropletsTagged("rainmaker-client-test").stream()
                        .allMatch(RemoteDroplet::activeWithAddress));
        RemoteDroplet active = client.dropletsTagged("rainmaker-client-test").getFirst();
        assertThat(active.publicIpv4()).hasValueSatisfying(ip -> assertThat(ip).startsWith("127.10.0."));
        assertThat(active.region()).isEqualTo("fra1");
        assertThat(active.image()).isEqualTo("debian-12-x64");
        assertThat(active.size()).isEqualTo("s-1vcpu-1gb");
        assertThat(meters.get("rainmaker.digitalocean.calls")
                        .tags("method", "POST", "outcome", "success")
                        .counter()
                        .count())
                .isEqualTo(1);

        created.forEach(d -> client.destroy(d.id()));

        assertThat(client.dropletsTagged("rainmaker-client-test")).isEmpty();
    }

    @Test
    void theCatalogueIsRead() {
        DigitalOceanClient client = client(TOKEN);

        assertThat(client.sizes()).extracting(s -> s.slug()).contains("s-1vcpu-1gb", "s-2vcpu-4gb");
        assertThat(client.regions()).extracting(r -> r.slug()).contains("fra1", "nyc3");
        assertThat(client.distributionImages()).contains("debian-12-x64", "ubuntu-24-04-x64", "rocky-9-x64");
    }

    @Test
    void aRejectedTokenIsAPermanentFailureThatSaysSoWithoutTheToken() {
        DigitalOceanClient client = client("dop_v1_wrong_secret");

        assertThatThrownBy(client::checkAccount)
                .isInstanceOfSatisfying(DigitalOceanException.class, e -> {
                    assertThat(e.status()).isEqualTo(401);
                    assertThat(e.isTransient()).isFalse();
                })
                .hasMessageContaining("GET /v2/account: DigitalOcean answered 401 (unauthorized: Unable to authenticate"
                        + " you); the API token (rainmaker.droplet.token) is missing, wrong or revoked")
                .message()
                .doesNotContain("secret");
    }

    @Test
    void readinessIsDownWithTheReasonWhenTheTokenIsRejected() {
        HealthCheckResponse response = DigitalOceanReadinessCheckAccess.check(
                client("dop_v1_wrong_secret"),
                new TestDropletConfig(standIn.baseUrl(), Optional.of("wrong")),
                tokenStatus);

        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(response.getData().orElseThrow().get("reason").toString()).contains("401", "token");
        assertThat(DigitalOceanReadinessCheckAccess.check(
                                client(TOKEN),
                                new TestDropletConfig(standIn.baseUrl(), Optional.of(TOKEN)),
                                new TokenStatus())
                        .getStatus())
                .isEqualTo(HealthCheckResponse.Status.UP);
    }

    @Test
    void anUnknownDropletIsNotFoundAndValidationErrorsArePermanent() {
        DigitalOceanClient client = client(TOKEN);

        assertThatThrownBy(() -> client.destroy(42))
                .isInstanceOfSatisfying(
                        DigitalOceanException.class,
                        e -> assertThat(e.notFound()).isTrue());
        assertThatThrownBy(() -> client.createAll(new DropletBatch(
                        List.of("rm-x"), "fra1", "s-64vcpu", "debian-12-x64", List.of(), "#cloud-config\n")))
                .isInstanceOfSatisfying(
                        DigitalOceanException.class,
                        e -> assertThat(e.isTransient()).isFalse())
                .hasMessageContaining("422 (unprocessable_entity: You specified an invalid size");
    }

    @Test
    void noAnswerIsATransientFailure() {
        DigitalOceanClient client = new DigitalOceanClient(
                vertx,
                new TestDropletConfig("http://127.0.0.1:9", Optional.of(TOKEN)),
                new DigitalOceanCalls(meters),
                tokenStatus);

        assertThatThrownBy(client::checkAccount)
                .isInstanceOfSatisfying(DigitalOceanException.class, e -> {
                    assertThat(e.isTransient()).isTrue();
                    assertThat(e.status()).isZero();
                })
                .hasMessageContaining("no answer from DigitalOcean at http://127.0.0.1:9");
    }

    private DigitalOceanClient client(String token) {
        return new DigitalOceanClient(
                vertx,
                new TestDropletConfig(standIn.baseUrl(), Optional.of(token)),
                new DigitalOceanCalls(meters),
                tokenStatus);
    }
}
