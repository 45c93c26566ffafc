package dev.rainmaker.stack.messaging;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import jakarta.inject.Inject;

import dev.rainmaker.events.Droplet;
import dev.rainmaker.events.EventJson;
import dev.rainmaker.events.EventType;
import dev.rainmaker.events.HostHardened;
import dev.rainmaker.events.SignupReceived;
import dev.rainmaker.events.StackInstalled;
import dev.rainmaker.hostaccess.health.ProvisioningKeyReadiness;
import dev.rainmaker.localcloud.hosts.model.DebianPackages;
import dev.rainmaker.localcloud.kafka.KafkaTestResource;
import dev.rainmaker.stack.testhost.TestSshHostsResource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.rainmaker.stack.messaging.KafkaTopics.header;
import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(TestSshHostsResource.class)
class StackServiceTest {

    private static final String HARDENED = EventType.HOST_HARDENED.topic();
    private static final String INSTALLED = EventType.STACK_INSTALLED.topic();
    private static final String DEAD_LETTERS = EventType.HOST_HARDENED.deadLetterTopic();
    private static final Duration WAIT = Duration.ofSeconds(60);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    MeterRegistry registry;

    @Inject
    KafkaClientService clients;

    @Inject
    @Readiness
    ProvisioningKeyReadiness readiness;

    private KafkaTopics kafka;
    private CapturedLog log;

    @BeforeEach
    void setUp() {
        kafka = new KafkaTopics(bootstrapServers);
        log = CapturedLog.install();
    }

    @AfterEach
    void tearDown() {
        log.close();
    }

    /**
     * The library's connector defaults (service-messaging's META-INF/microprofile-config.properties) reach a service
     * built on it, not only the library's own tests: a stack installed must survive its partition leader's death.
     */
    @Test
    void theServicesProducersWaitForAllInSyncReplicasAndWriteARetriedSendOnce() {
        for (String channel : List.of(StackInstalledPublisher.CHANNEL, "provisioning-failed-out")) {
            Map<String, ?> configuration = clients.getProducer(channel).configuration();

            assertThat(configuration.get("acks")).as(channel + "'s acks").hasToString("all");
            assertThat(configuration.get("enable.idempotence"))
                    .as(channel + "'s enable.idempotence")
                    .hasToString("true");
        }
    }

    @Test
    void installsTheStackOnceAndReportsItsVersionsKeyedByCustomerWithoutEverRevealingThePassword() throws Exception {
        TestSshHostsResource.TestHost host = TestSshHostsResource.healthy;
        HostHardened event = hardened("acme-1", host.address(), host.hostKeyFingerprint());

        kafka.publish(HARDENED, "acme-1", EventJson.write(event));

        ConsumerRecord<String, String> record =
                kafka.await(INSTALLED, r -> "acme-1".equals(r.key()), 1, WAIT).get(0);
        StackInstalled installed = EventJson.read(record.value(), StackInstalled.class);
        assertThat(installed.components())
                .containsEntry("nginx", version("nginx"))
                .containsEntry("php-fpm", version("php-fpm"))
                .containsEntry("mariadb", version("mariadb-server"))
                .containsEntry("memcached", version("memcached"))
                .containsEntry("munin-node", version("munin-node"))
                .hasSize(5);
        assertThat(installed.appUrl())
                .isEqualTo("http://" + host.address() + ":" + TestSshHostsResource.hosts.appPort() + "/");
        assertThat(installed.droplet()).isEqualTo(event.droplet());
        assertThat(header(record, "ce_type")).isEqualTo("dev.rainmaker.stack-installed.v1");
        assertThat(header(record, "ce_source")).isEqualTo("rainmaker/stack-service");
        assertThat(header(record, "ce_subject")).isEqualTo("acme-1");
        assertThat(header(record, "ce_id")).isNotBlank();
        assertThat(header(record, "ce_time")).isNotBlank();
        assertThat(host.commands())
                .contains("apt-get update -q")
                .anyMatch(c ->
                        c.startsWith("DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends")
                                && c.contains(" nginx "));

        double appliedAfterFirstRun = applied();
        int commandsAfterFirstRun = host.commands().size();
        kafka.publish(HARDENED, "acme-1", EventJson.write(event));

        List<ConsumerRecord<String, String>> both = kafka.await(INSTALLED, r -> "acme-1".equals(r.key()), 2, WAIT);
        assertThat(applied()).as("steps applied by the second run").isEqualTo(appliedAfterFirstRun);
        assertThat(host.commands()
                        .subList(commandsAfterFirstRun, host.commands().size()))
                .isNotEmpty()
                .noneMatch(c -> c.contains("apt-get")
                        || c.startsWith("printf")
                        || c.startsWith("openssl")
                        || c.startsWith("systemctl enable")
                        || c.startsWith("systemctl restart"));

        String password =
                host.host().state().files.get("/etc/rainmaker/db-password").strip();
        assertThat(password).hasSize(48);
        for (ConsumerRecord<String, String> r : both) {
            assertThat(r.value()).doesNotContain(password);
            r.headers().forEach(h -> assertThat(new String(h.value())).doesNotContain(password));
        }
        assertThat(host.commands()).noneMatch(c -> c.contains(password));
        assertThat(log.text())
                .contains("stack installed for customer acme-1")
                .contains("passes the check from outside")
                .doesNotContain(password);
        assertThat(registry.counter("rainmaker.stack.outside-checks", "outcome", "passed")
                        .count())
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void aHostWhoseMemcachedCannotBindEndsInTheDeadLetterTopicNamingTheStep() throws Exception {
        TestSshHostsResource.TestHost host = TestSshHostsResource.memcachedCannotBind;
        HostHardened event = hardened("broken-1", host.address(), host.hostKeyFingerprint());

        kafka.publish(HARDENED, "broken-1", EventJson.write(event));

        ConsumerRecord<String, String> dead = kafka.await(DEAD_LETTERS, r -> "broken-1".equals(r.key()), 1, WAIT)
                .get(0);
        assertThat(header(dead, "dead-letter-reason"))
                .contains("step 'memcached listens on 127.0.0.1:11211 only' failed its verification")
                .contains("droplet rm-broken-1 (" + host.address() + ":");
        assertThat(dead.value()).isEqualTo(EventJson.write(event));
        String password =
                host.host().state().files.get("/etc/rainmaker/db-password").strip();
        assertThat(header(dead, "dead-letter-reason")).doesNotContain(password);
        assertThat(log.text()).doesNotContain(password);
    }

    @Test
    void aHostPresentingAnotherHostKeyIsRefused() throws Exception {
        String otherKey = TestSshHostsResource.memcachedCannotBind.hostKeyFingerprint();
        int commandsBefore = TestSshHostsResource.healthy.commands().size();
        HostHardened event = hardened("spoofed-1", TestSshHostsResource.healthy.address(), otherKey);

        kafka.publish(HARDENED, "spoofed-1", EventJson.write(event));

        ConsumerRecord<String, String> dead = kafka.await(DEAD_LETTERS, r -> "spoofed-1".equals(r.key()), 1, WAIT)
                .get(0);
        assertThat(header(dead, "dead-letter-reason"))
                .contains("presented host key " + TestSshHostsResource.healthy.hostKeyFingerprint())
                .contains("not the pinned " + otherKey);
        assertThat(TestSshHostsResource.healthy.commands()).hasSize(commandsBefore);
    }

    @Test
    void aProPlanCustomerGetsAwstatsReadingNginxsLogAndItsVersionReported() throws Exception {
        TestSshHostsResource.TestHost host = TestSshHostsResource.forProPlan;
        HostHardened event = hardened("pro-1", "pro", "debian-12-x64", host.address(), host.hostKeyFingerprint());

        kafka.publish(HARDENED, "pro-1", EventJson.write(event));

        ConsumerRecord<String, String> record =
                kafka.await(INSTALLED, r -> "pro-1".equals(r.key()), 1, WAIT).get(0);
        StackInstalled installed = EventJson.read(record.value(), StackInstalled.class);
        assertThat(installed.components()).containsEntry("awstats", version("awstats"));
        assertThat(host.host().state().files.get("/etc/awstats/awstats.pro-1.conf"))
                .contains("LogFile=\"/var/log/nginx/access.log\"");
        assertThat(host.commands()).contains("/usr/lib/cgi-bin/awstats.pl -config=pro-1 -update");
    }

    @Test
    void aPlanAskingForMysqlOnDebianIsADeadLetterBeforeAnythingIsSentToTheHost() throws Exception {
        int commandsBefore = TestSshHostsResource.healthy.commands().size();
        HostHardened event = hardened(
                "legacy-1",
                "legacy",
                "debian-12-x64",
                TestSshHostsResource.healthy.address(),
                TestSshHostsResource.healthy.hostKeyFingerprint());

        kafka.publish(HARDENED, "legacy-1", EventJson.write(event));

        ConsumerRecord<String, String> dead = kafka.await(DEAD_LETTERS, r -> "legacy-1".equals(r.key()), 1, WAIT)
                .get(0);
        assertThat(header(dead, "dead-letter-reason"))
                .contains("plan 'legacy' asks for MySQL")
                .contains("Debian 12, which ships no MySQL server");
        assertThat(TestSshHostsResource.healthy.commands()).hasSize(commandsBefore);
    }

    @Test
    void isReadyOnceTheProvisioningKeyLoads() {
        assertThat(readiness.call().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
    }

    @Test
    void aValueThatIsNotJsonEndsInTheDeadLetterTopicSayingSo() throws Exception {
        kafka.publish(HARDENED, "garbage-1", "this is not json");

        ConsumerRecord<String, String> dead = kafka.await(DEAD_LETTERS, r -> "garbage-1".equals(r.key()), 1, WAIT)
                .get(0);
        assertThat(header(dead, "dead-letter-reason")).contains("HostHardened event is not valid JSON");
    }

    private static String version(String pkg) {
        return DebianPackages.find(pkg).orElseThrow().version();
    }

    private double applied() {
        return registry.counter("rainmaker.stack.steps", "outcome", "applied").count();
    }

    private static HostHardened hardened(String customerId, String address, String fingerprint) {
        return hardened(customerId, "starter", "debian-12-x64", address, fingerprint);
    }

    private static HostHardened hardened(
            String customerId, String plan, String image, String address, String fingerprint) {
        SignupReceived signup = new SignupReceived(
                customerId, "ops@" + customerId + ".example", "Ada", plan, "Europe/Berlin", List.of());
        Droplet droplet = new Droplet(
                Math.abs(customerId.hashCode()),
                "rm-" + customerId,
                address,
                "fra1",
                image,
                "s-1vcpu-1gb",
                fingerprint);
        return new HostHardened(signup, droplet, List.of("timezone", "admin-users", "sshd", "firewall"));
    }
}
