package dev.rainmaker.cli.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.IntStream;

import dev.rainmaker.localcloud.LocalCloudInfo;
import dev.rainmaker.localcloud.hosts.SessionLog.RecordedSession;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.sshd.common.keyprovider.FileKeyPairProvider;

/**
 * The floor: the irreducible work of the pipeline for N customers, with no services, in this process, against a fresh
 * local cloud in a process of its own (as the pipeline's). Six topics, five hops, each customer's record consumed and
 * the next published, every record handled on its own virtual thread (as the services do). At the first hop the
 * customer's droplet is created (batches of up to 10) and awaited active; at the second bootstrap-service's SSH
 * sessions recorded on one of the pipeline's hosts are replayed on the customer's host, at the third stack-service's
 * session, and the host is looked at from outside as stack-service does; each of these two works on as many hosts at
 * once as the services do. At the fourth the customer is sent an email. The last is Kafka only.
 */
final class FloorRun {

    private static final int HOPS = 5;

    /**
     * How long the floor took, replayed commands that did not exit 0, and the CPU time this process spent meanwhile
     * (the floor's clients: Kafka, DigitalOcean, SSH, HTTP, SMTP).
     */
    record Result(Duration time, int failedCommands, double clientCpuSeconds) {}

    private FloorRun() {}

    static Result run(
            LocalCloudInfo cloud,
            List<List<RecordedSession>> sessionsPerCustomer,
            List<String> customerIds,
            int hostsAtOnce,
            Duration timeout) {
        String bootstrap = cloud.kafkaBootstrapServers();
        String prefix = "floor-" + UUID.randomUUID().toString().substring(0, 8) + ".";
        createTopics(bootstrap, prefix);
        KeyPair identity = identity(cloud.provisioningPrivateKey());
        CountDownLatch done = new CountDownLatch(customerIds.size());
        AtomicInteger failedCommands = new AtomicInteger();
        List<Thread> consumers = new ArrayList<>();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        CountDownLatch assigned = new CountDownLatch(HOPS + 1);
        Map<String, Integer> customerIndex = new HashMap<>();
        IntStream.range(0, customerIds.size()).forEach(i -> customerIndex.put(customerIds.get(i), i));
        Function<String, List<RecordedSession>> sessionsOf =
                customer -> sessionsPerCustomer.get(customerIndex.get(customer) % sessionsPerCustomer.size());
        try (var producer = producer(bootstrap);
                var droplets =
                        new FloorDroplets(cloud.digitalOceanUrl(), cloud.digitalOceanToken(), publicKeyLine(cloud));
                var replay = new CommandReplay(identity, cloud.sshPort());
                var outside = new FloorOutsideView(cloud.sshPort(), cloud.appPort());
                var mail = new FloorMail(cloud.smtpPort())) {
            Map<String, String> addresses = new ConcurrentHashMap<>();
            Semaphore hardening = new Semaphore(hostsAtOnce, true);
            Semaphore installing = new Semaphore(hostsAtOnce, true);
            List<Consumer<String>> hops = List.of(
                    customer ->
                            addresses.put(customer, droplets.request(customer).join()),
                    customer -> withPermit(
                            hardening,
                            () -> failedCommands.addAndGet(replay.replay(
                                    addresses.get(customer), hardeningSessions(sessionsOf.apply(customer))))),
                    customer -> withPermit(installing, () -> {
                        failedCommands.addAndGet(replay.replay(
                                addresses.get(customer), List.of(stackSession(sessionsOf.apply(customer)))));
                        outside.look(addresses.get(customer));
                    }),
                    mail::send,
                    customer -> {});
            for (int hop = 0; hop <= HOPS; hop++) {
                int current = hop;
                consumers.add(Thread.ofPlatform()
                        .daemon()
                        .start(() -> consume(bootstrap, prefix + current, running, failure, assigned, record -> {
                            if (current == HOPS) {
                                done.countDown();
                                return;
                            }
                            hops.get(current).accept(record.key());
                            producer.send(new ProducerRecord<>(prefix + (current + 1), record.key(), record.value()));
                        })));
            }
            // As the pipeline's consumers before its burst, every consumer has its partitions before the clock starts.
            if (!assigned.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the floor's consumers were not given their partitions within 60 s");
            }
            double cpuBefore = ProcessUsage.of(ProcessHandle.current().pid()).cpuSeconds();
            Instant start = Instant.now();
            customerIds.forEach(
                    id -> producer.send(new ProducerRecord<>(prefix + 0, id, "{\"customerId\":\"" + id + "\"}")));
            producer.flush();
            Instant deadline = start.plus(timeout);
            while (!done.await(1, TimeUnit.SECONDS)) {
                if (failure.get() != null) {
                    throw new IllegalStateException(
                            "the floor failed: " + failure.get().getMessage(), failure.get());
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("the floor did not finish within " + timeout);
                }
            }
            Duration time = Duration.between(start, Instant.now());
            double cpu = ProcessUsage.of(ProcessHandle.current().pid()).cpuSeconds() - cpuBefore;
            return new Result(time, failedCommands.get(), cpu);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            running.set(false);
            consumers.forEach(FloorRun::join);
        }
    }

    private static String publicKeyLine(LocalCloudInfo cloud) {
        try {
            return Files.readString(cloud.provisioningPublicKey()).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void consume(
            String bootstrap,
            String topic,
            AtomicBoolean running,
            AtomicReference<RuntimeException> failure,
            CountDownLatch assigned,
            Consumer<ConsumerRecord<String, String>> handler) {
        try (var consumer = new KafkaConsumer<String, String>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG,
                topic,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class))) {
            consumer.subscribe(List.of(topic));
            boolean hasPartitions = false;
            while (running.get()) {
                if (!hasPartitions && consumer.assignment().size() == BenchSettings.PARTITIONS) {
                    hasPartitions = true;
                    assigned.countDown();
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                    Thread.ofVirtual().start(() -> {
                        try {
                            handler.accept(record);
                        } catch (RuntimeException e) {
                            failure.compareAndSet(null, e);
                        }
                    });
                }
            }
        }
    }

    /** bootstrap-service's sessions on a host: all but the last, which is stack-service's. */
    private static List<RecordedSession> hardeningSessions(List<RecordedSession> recorded) {
        return recorded.subList(0, recorded.size() - 1);
    }

    private static RecordedSession stackSession(List<RecordedSession> recorded) {
        return recorded.getLast();
    }

    private static void withPermit(Semaphore permits, Runnable work) {
        permits.acquireUninterruptibly();
        try {
            work.run();
        } finally {
            permits.release();
        }
    }

    private static void join(Thread thread) {
        try {
            thread.join(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static KafkaProducer<String, String> producer(String bootstrap) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
    }

    private static void createTopics(String bootstrap, String prefix) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(IntStream.rangeClosed(0, HOPS)
                            .mapToObj(i -> new NewTopic(prefix + i, BenchSettings.PARTITIONS, (short) 1))
                            .toList())
                    .all()
                    .get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not create the floor's topics: " + e.getMessage(), e);
        }
    }

    private static KeyPair identity(Path privateKey) {
        try {
            return new FileKeyPairProvider(privateKey).loadKeys(null).iterator().next();
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot read the provisioning key " + privateKey, e);
        }
    }
}
