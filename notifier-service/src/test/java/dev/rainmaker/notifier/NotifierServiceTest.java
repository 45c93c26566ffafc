package dev.rainmaker.notifier;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.rainmaker.events.AdminUser;
import dev.rainmaker.events.CustomerReady;
import dev.rainmaker.events.Droplet;
import dev.rainmaker.events.EventJson;
import dev.rainmaker.events.EventType;
import dev.rainmaker.events.SignupReceived;
import dev.rainmaker.events.StackInstalled;
import dev.rainmaker.localcloud.kafka.KafkaTestResource;
import dev.rainmaker.localcloud.kafka.TopicClient;
import dev.rainmaker.localcloud.kafka.TopicClient.TopicRecord;
import dev.rainmaker.localcloud.smtp.ReceivedMail;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(SmtpTestResource.class)
class NotifierServiceTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    TopicClient kafka;

    @BeforeEach
    void connect() {
        kafka = new TopicClient(bootstrapServers);
    }

    @AfterEach
    void disconnect() {
        kafka.close();
    }

    @Test
    void stackInstalledSendsOneEmailToTheCustomerAndPublishesCustomerReady() {
        StackInstalled stack = stackInstalled("notify-1", "ada@acme.example");

        kafka.publish(EventType.STACK_INSTALLED.topic(), "notify-1", EventJson.write(stack));

        TopicRecord ready = await().atMost(Duration.ofSeconds(30))
                .until(() -> recordsFor(EventType.CUSTOMER_READY.topic(), "notify-1"), records -> !records.isEmpty())
                .getFirst();
        assertThat(EventJson.read(ready.value(), CustomerReady.class))
                .isEqualTo(new CustomerReady(stack.signup(), stack.droplet(), stack.appUrl()));
        assertThat(ready.headers())
                .containsEntry("ce_type", EventType.CUSTOMER_READY.cloudEventType())
                .containsEntry("ce_subject", "notify-1")
                .containsEntry("ce_source", "rainmaker/notifier-service")
                .containsKey("ce_id");

        List<ReceivedMail> mails = mailsTo("ada@acme.example");
        assertThat(mails).hasSize(1);
        ReceivedMail mail = mails.getFirst();
        assertThat(mail.subject()).isEqualTo("Your Rainmaker server is ready");
        assertThat(mail.textBody())
                .contains("Hello Ada Lovelace,")
                .contains("your server is ready: http://127.10.0.9/")
                .contains("SSH host key fingerprint: " + stack.droplet().hostKeyFingerprint())
                .contains("    - ada");
        assertThat(mail.htmlBody()).contains("<a href=\"http://127.10.0.9/\">").contains("<li><code>ada</code></li>");
    }

    @Test
    void somethingThatIsNotJsonGoesToTheDeadLetterTopicWithAReasonAndTheNextCustomerIsStillTold() {
        kafka.publish(EventType.STACK_INSTALLED.topic(), "notify-bad", "{not json");
        kafka.publish(
                EventType.STACK_INSTALLED.topic(),
                "notify-2",
                EventJson.write(stackInstalled("notify-2", "b@acme.example")));

        TopicRecord dead = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> recordsFor(EventType.STACK_INSTALLED.deadLetterTopic(), "notify-bad"),
                        records -> !records.isEmpty())
                .getFirst();
        assertThat(dead.value()).isEqualTo("{not json");
        assertThat(dead.header("dead-letter-reason")).startsWith("the StackInstalled event is not valid JSON");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !mailsTo("b@acme.example").isEmpty());
    }

    @Test
    void customerReadyIsCommittedInOneTransactionWithTheOffsetOfItsStackInstalled() {
        StackInstalled stack = stackInstalled("notify-tx", "tx@acme.example");

        kafka.publish(EventType.STACK_INSTALLED.topic(), "notify-tx", EventJson.write(stack));

        await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> kafka.readCommitted(EventType.CUSTOMER_READY.topic()).stream()
                                .filter(record -> "notify-tx".equals(record.key()))
                                .toList(),
                        records -> records.size() == 1);
        awaitConsumed(recordsFor(EventType.STACK_INSTALLED.topic(), "notify-tx").getFirst());
    }

    @Test
    void aStackInstalledDeliveredAgainTellsNobodyTwiceAndPublishesNoSecondCustomerReady() {
        StackInstalled stack = stackInstalled("notify-again", "again@acme.example");

        kafka.publish(EventType.STACK_INSTALLED.topic(), "notify-again", EventJson.write(stack));
        kafka.publish(EventType.STACK_INSTALLED.topic(), "notify-again", EventJson.write(stack));

        awaitConsumed(
                recordsFor(EventType.STACK_INSTALLED.topic(), "notify-again").getLast());
        assertThat(mailsTo("again@acme.example"))
                .as("emails to a customer whose stack came twice")
                .hasSize(1);
        assertThat(kafka.readCommitted(EventType.CUSTOMER_READY.topic()))
                .filteredOn(record -> "notify-again".equals(record.key()))
                .as("CustomerReady of a customer whose stack came twice")
                .hasSize(1);
    }

    /** Until the notifier's group committed an offset past {@code input}: only its transactions commit offsets. */
    private void awaitConsumed(TopicRecord input) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(admin.listConsumerGroupOffsets("notifier-service-stacks-installed")
                                    .partitionsToOffsetAndMetadata()
                                    .get()
                                    .get(new TopicPartition(input.topic(), input.partition())))
                            .as("committed offset of the notifier's group on %s", input.topic())
                            .isNotNull()
                            .satisfies(
                                    committed -> assertThat(committed.offset()).isGreaterThan(input.offset())));
        }
    }

    private List<TopicRecord> recordsFor(String topic, String customerId) {
        return kafka.readAll(topic).stream()
                .filter(record -> customerId.equals(record.key()))
                .toList();
    }

    private static List<ReceivedMail> mailsTo(String address) {
        return SmtpTestResource.smtp.receivedMessages().stream()
                .filter(mail -> mail.to().contains(address))
                .toList();
    }

    private static StackInstalled stackInstalled(String customerId, String email) {
        SignupReceived signup = new SignupReceived(
                customerId,
                email,
                "Ada Lovelace",
                "starter",
                "Europe/Berlin",
                List.of(new AdminUser("ada", "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKq ada@laptop")));
        Droplet droplet = new Droplet(
                7L,
                "rm-" + customerId,
                "127.10.0.9",
                "fra1",
                "debian-12-x64",
                "s-1vcpu-1gb",
                "SHA256:uNiVztksCsDhcc0u9e8BujQXVUpKZIDTMczCvj3tD2s");
        return new StackInstalled(signup, droplet, Map.of("nginx", "1.22.1"), "http://127.10.0.9/");
    }
}
