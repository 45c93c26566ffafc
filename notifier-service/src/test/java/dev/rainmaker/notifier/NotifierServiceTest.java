package dev.rainmaker.notifier;

import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.IntStream;

import dev.rainmaker.events.CustomerReady;
import dev.rainmaker.events.EventJson;
import dev.rainmaker.events.EventType;
import dev.rainmaker.events.ProvisioningFailed;
import dev.rainmaker.events.ProvisioningStage;
import dev.rainmaker.events.StackInstalled;
import dev.rainmaker.events.testing.TestEvents;
import dev.rainmaker.localcloud.kafka.KafkaTestResource;
import dev.rainmaker.localcloud.kafka.TopicClient;
import dev.rainmaker.localcloud.kafka.TopicClient.TopicRecord;
import dev.rainmaker.localcloud.smtp.ReceivedMail;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(SmtpTestResource.class)
// The flood runs first, so that no window opened by another test's failure can split it into two digests.
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NotifierServiceTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @TestHTTPResource("/q/metrics")
    URL metrics;

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
        StackInstalled stack = TestEvents.installed(TestEvents.signup("notify-1", "ada@acme.example"), 7);

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
    void prometheusSeesEmailsSentTheStagesHandlingAndTheKafkaConsumersLag() throws Exception {
        kafka.publish(
                EventType.STACK_INSTALLED.topic(),
                "notify-metrics",
                EventJson.write(TestEvents.installed(TestEvents.signup("notify-metrics", "m@acme.example"), 7)));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !mailsTo("m@acme.example").isEmpty());

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(scrape())
                        .containsPattern("rainmaker_notifier_emails_sent_total\\{email=\"ready\",?} [1-9]")
                        .containsPattern(
                                "rainmaker_stage_duration_seconds_bucket\\{outcome=\"done\",stage=\"email\",le=\"")
                        .containsPattern("rainmaker_stage_latency_seconds_count\\{stage=\"email\",?} [1-9]")
                        .contains("rainmaker_stage_in_progress{stage=\"email\"")
                        .containsPattern(
                                "kafka_consumer_fetch_manager_records_lag_max\\{[^}]*client_id=\"kafka-consumer-"
                                        + "stacks-installed-in\""));
    }

    @Test
    void aFailureReportThatIsNotJsonIsDeadLetteredAndCountedAsTheOpsDigestsDeadLetter() throws Exception {
        kafka.publish(EventType.PROVISIONING_FAILED.topic(), "digest-garbled", "{not json");

        await().atMost(Duration.ofSeconds(30))
                .until(() -> !recordsFor(EventType.PROVISIONING_FAILED.deadLetterTopic(), "digest-garbled")
                        .isEmpty());
        assertThat(scrape())
                .containsPattern("rainmaker_dead_letters_total\\{stage=\"ops-digest\","
                        + "topic=\"rainmaker.provisioning-failed.dlq\",?} [1-9]");
    }

    private String scrape() throws Exception {
        return HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(metrics.toURI()).build(), HttpResponse.BodyHandlers.ofString())
                .body();
    }

    @Test
    void somethingThatIsNotJsonGoesToTheDeadLetterTopicWithAReasonAndTheNextCustomerIsStillTold() {
        kafka.publish(EventType.STACK_INSTALLED.topic(), "notify-bad", "{not json");
        kafka.publish(
                EventType.STACK_INSTALLED.topic(),
                "notify-2",
                EventJson.write(TestEvents.installed(TestEvents.signup("notify-2", "b@acme.example"), 7)));

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
    void aStackInstalledThatCannotBeMailedIsDeadLetteredWithStageReasonAndAttemptsAndReportedAsProvisioningFailed() {
        StackInstalled broken = TestEvents.installed(TestEvents.signup("notify-broken", "c@acme.example"), 7);
        String withoutDroplet = EventJson.write(new StackInstalled(broken.signup(), null, Map.of(), broken.appUrl()));

        kafka.publish(EventType.STACK_INSTALLED.topic(), "notify-broken", withoutDroplet);

        TopicRecord dead = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> recordsFor(EventType.STACK_INSTALLED.deadLetterTopic(), "notify-broken"),
                        records -> !records.isEmpty())
                .getFirst();
        assertThat(dead.headers())
                .containsEntry("rainmaker-stage", "emailing the customer")
                .containsEntry("rainmaker-attempts", "1")
                .containsKeys("rainmaker-reason", "dead-letter-reason");
        TopicRecord failed = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> recordsFor(EventType.PROVISIONING_FAILED.topic(), "notify-broken"),
                        records -> !records.isEmpty())
                .getFirst();
        ProvisioningFailed event = EventJson.read(failed.value(), ProvisioningFailed.class);
        assertThat(event.stage()).isEqualTo(ProvisioningStage.EMAILING_CUSTOMER);
        assertThat(event.signup()).isEqualTo(broken.signup());
        assertThat(event.reason()).isEqualTo(dead.header("rainmaker-reason"));
        assertThat(failed.headers()).containsEntry("ce_type", EventType.PROVISIONING_FAILED.cloudEventType());
    }

    @Test
    @Order(1)
    void fiftyFailuresArrivingTogetherReachOpsAsOneDigestListingEachCustomerStageAndReasonCommittedOnlyAfterIt()
            throws Exception {
        List<String> customers =
                IntStream.rangeClosed(1, 50).mapToObj(i -> "flood-" + i).toList();

        customers.forEach(customer -> kafka.publish(
                EventType.PROVISIONING_FAILED.topic(),
                customer,
                EventJson.write(new ProvisioningFailed(
                        customer,
                        null,
                        ProvisioningStage.INSTALLING_STACK,
                        "step 'mariadb' of " + customer + " failed its verification",
                        2,
                        100L,
                        Instant.now()))));

        assertThat(committedFailures())
                .as("offsets committed while the digest is still waiting to be sent")
                .isZero();
        List<ReceivedMail> digests = await().atMost(Duration.ofSeconds(30))
                .pollDelay(Duration.ofSeconds(1))
                .until(
                        () -> mailsTo("ops@rainmaker.example").stream()
                                .filter(mail -> mail.textBody().contains("flood-"))
                                .toList(),
                        mails -> !mails.isEmpty());
        assertThat(digests).singleElement().satisfies(mail -> {
            assertThat(mail.subject()).startsWith("Rainmaker: provisioning failed for ");
            assertThat(customers)
                    .allSatisfy(customer -> assertThat(mail.textBody().lines().map(String::strip))
                            .contains(
                                    "- customer " + customer,
                                    "reason:   step 'mariadb' of " + customer + " failed its verification"));
            assertThat(mail.textBody()).contains("stage:    installing the stack");
            assertThat(mail.htmlBody()).contains("<code>flood-50</code>");
        });
        await().atMost(Duration.ofSeconds(30))
                .alias("offsets committed once the digest was sent")
                .until(() -> committedFailures() == 50);
    }

    @Test
    void theTopicsOfEveryChannelAreCreatedAtStartUpWithTheConfiguredPartitions() throws Exception {
        Set<String> topics = Set.of(
                EventType.STACK_INSTALLED.topic(),
                EventType.STACK_INSTALLED.deadLetterTopic(),
                EventType.CUSTOMER_READY.topic(),
                EventType.PROVISIONING_FAILED.topic(),
                EventType.PROVISIONING_FAILED.deadLetterTopic());
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
            Map<String, TopicDescription> described =
                    admin.describeTopics(topics).allTopicNames().get();

            assertThat(described.values())
                    .extracting(description -> description.partitions().size())
                    .containsOnly(3);
        }
    }

    /** Offsets the notifier committed on the failure topic, summed over its partitions. */
    private long committedFailures() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
            return admin
                    .listConsumerGroupOffsets("notifier-service-provisioning-failed")
                    .partitionsToOffsetAndMetadata()
                    .get()
                    .values()
                    .stream()
                    .filter(Objects::nonNull)
                    .mapToLong(offset -> offset.offset())
                    .sum();
        }
    }

    @Test
    void customerReadyIsCommittedInOneTransactionWithTheOffsetOfItsStackInstalled() {
        StackInstalled stack = TestEvents.installed(TestEvents.signup("notify-tx", "tx@acme.example"), 7);

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
        StackInstalled stack = TestEvents.installed(TestEvents.signup("notify-again", "again@acme.example"), 7);

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
}
