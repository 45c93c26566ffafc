package dev.rainmaker.api.messaging;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.rainmaker.api.client.WebhookClient;
import dev.rainmaker.api.config.ApiConfig;
import dev.rainmaker.api.domain.WebhookTarget;
import dev.rainmaker.api.service.CustomerApps;
import dev.rainmaker.api.service.RetrySchedule;
import dev.rainmaker.api.service.WebhookDeliveries;
import dev.rainmaker.api.service.WebhookRouting;
import dev.rainmaker.events.EventType;
import dev.rainmaker.messaging.TopicCreator;
import dev.rainmaker.messaging.TopicsConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

/**
 * Starts one Kafka consumer, on its own thread and in its own group ({@code api-service-webhooks-<app>}), per app that
 * has a webhook: a receiver down for hours holds back only its own app's events, never another app's. Plain clients
 * rather than a reactive channel, because a delivery may wait hours while its partition must stay uncommitted and the
 * consumer must keep polling.
 */
@ApplicationScoped
public class WebhookConsumers {

    private static final Logger LOG = Logger.getLogger(WebhookConsumers.class);
    static final String GROUP_PREFIX = "api-service-webhooks-";

    private final ApiConfig config;
    private final TopicsConfig topics;
    private final Map<String, Object> kafka;
    private final CustomerApps customerApps;
    private final WebhookClient client;
    private final MeterRegistry registry;
    private final Clock clock = Clock.systemUTC();
    private final List<WebhookConsumer> consumers = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private Producer<String, byte[]> producer;

    WebhookConsumers(
            ApiConfig config,
            TopicsConfig topics,
            @Identifier("default-kafka-broker") Map<String, Object> kafka,
            CustomerApps customerApps,
            WebhookClient client,
            MeterRegistry registry) {
        this.config = config;
        this.topics = topics;
        this.kafka = kafka;
        this.customerApps = customerApps;
        this.client = client;
        this.registry = registry;
    }

    void start(@Observes StartupEvent start) {
        List<WebhookTarget> targets = new ArrayList<>();
        config.apps()
                .forEach((app, settings) -> settings.webhook()
                        .ifPresent(hook -> targets.add(new WebhookTarget(app, hook.url(), hook.secret()))));
        if (targets.isEmpty()) {
            LOG.info("No app has a webhook: no webhook consumers started");
            return;
        }
        // The topics read too, as every service creates the topics it reads: none of them waits on another's start.
        if (topics.create()) {
            try (Admin admin = Admin.create(kafka)) {
                new TopicCreator(admin, topics.partitions(), topics.replicationFactor())
                        .createMissing(Set.of(
                                WebhookDeadLetters.TOPIC,
                                EventType.CUSTOMER_READY.topic(),
                                EventType.PROVISIONING_FAILED.topic()));
            }
        }
        producer = new KafkaProducer<>(producerSettings());
        var routing = new WebhookRouting(customerApps, config.kafkaSignupsApp());
        var webhooks = config.webhooks();
        var deliveries = new WebhookDeliveries(
                client::send,
                new RetrySchedule(
                        webhooks.initialBackoff(), webhooks.maxBackoff(), webhooks.giveUpAfter(), Math::random),
                clock);
        for (WebhookTarget target : targets) {
            var consumer = new WebhookConsumer(
                    target,
                    () -> new KafkaConsumer<>(consumerSettings(target.app())),
                    routing,
                    deliveries,
                    new WebhookDeadLetters(producer),
                    new WebhookMetrics(registry, target.app(), clock),
                    clock,
                    webhooks.initialBackoff());
            consumers.add(consumer);
            threads.add(Thread.ofPlatform().name("webhooks-" + target.app()).start(consumer));
            LOG.infof("Webhooks of %s: consuming as group %s%s", target, GROUP_PREFIX, target.app());
        }
    }

    /** Lets an attempt under way finish (at most the request timeout) so that what was delivered is committed. */
    void stop(@Observes ShutdownEvent stop) {
        consumers.forEach(WebhookConsumer::stop);
        Duration grace = config.webhooks().requestTimeout().plusSeconds(5);
        for (Thread thread : threads) {
            try {
                if (!thread.join(grace)) {
                    LOG.warnf("%s did not stop within %s", thread.getName(), grace);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    Map<String, Object> consumerSettings(String app) {
        Map<String, Object> settings = new HashMap<>(kafka);
        settings.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP_PREFIX + app);
        settings.put(ConsumerConfig.CLIENT_ID_CONFIG, GROUP_PREFIX + app);
        // customer-ready is written in transactions: only committed ones are events.
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        settings.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        settings.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        return settings;
    }

    private Map<String, Object> producerSettings() {
        Map<String, Object> settings = new HashMap<>(kafka);
        settings.put(ProducerConfig.CLIENT_ID_CONFIG, "api-service-webhooks-dlq");
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        settings.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        settings.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return settings;
    }
}
