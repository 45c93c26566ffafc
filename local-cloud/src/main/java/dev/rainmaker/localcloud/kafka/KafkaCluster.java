package dev.rainmaker.localcloud.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import dev.rainmaker.localcloud.Directories;
import dev.rainmaker.localcloud.LocalPorts;
import dev.rainmaker.localcloud.process.ChildProcesses;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.Uuid;

/**
 * Kafka as production runs it: several KRaft nodes, each broker and controller, each in a JVM of its own (Apache
 * Kafka's own {@code kafka.Kafka} main) on 127.0.0.1, with three replicas per topic and {@code min.insync.replicas=2}
 * ({@link KafkaNode}). A node can be killed with SIGKILL, as a machine that dies, and started again on its data.
 */
public final class KafkaCluster implements LocalKafka {

    /** Enough replicas to lose one and still take writes that survive a second loss. */
    public static final int REPLICAS = 3;

    private static final Duration READY = Duration.ofSeconds(90);
    /** A node killed mid-burst recovers its unflushed logs before it rejoins: longer than a fresh start, on a busy machine. */
    private static final Duration REJOIN = Duration.ofMinutes(3);

    private static final Duration STOP = Duration.ofSeconds(20);
    private static final String HEAP = "-Xmx512m";

    private final List<KafkaNode> nodes;
    private final Path directory;
    private final Map<Integer, Process> running = new ConcurrentHashMap<>();
    private final Admin admin;

    private KafkaCluster(List<KafkaNode> nodes, Path directory) {
        this.nodes = nodes;
        this.directory = directory;
        this.admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000));
    }

    /**
     * Starts {@code size} nodes (at least {@value #REPLICAS}) with empty log directories under {@code directory}: the
     * first listens on {@code firstPort} (0: any free port), the others on free ports.
     */
    public static KafkaCluster startFresh(int size, int firstPort, Path directory) {
        if (size < REPLICAS) {
            throw new IllegalArgumentException(
                    "a Kafka cluster here has at least " + REPLICAS + " brokers, not " + size);
        }
        Directories.emptied(directory);
        List<KafkaNode.Voter> voters = new ArrayList<>();
        List<Integer> ports = new ArrayList<>();
        for (int id = 1; id <= size; id++) {
            voters.add(new KafkaNode.Voter(id, LocalPorts.free()));
            ports.add(id == 1 && firstPort != 0 ? firstPort : LocalPorts.free());
        }
        String clusterId = Uuid.randomUuid().toString();
        List<KafkaNode> nodes = new ArrayList<>();
        for (KafkaNode.Voter voter : voters) {
            KafkaNode node = new KafkaNode(
                    voter.id(),
                    ports.get(voter.id() - 1),
                    voter.controllerPort(),
                    List.copyOf(voters),
                    directory.resolve("node-" + voter.id()),
                    REPLICAS);
            format(node, clusterId);
            nodes.add(node);
        }
        KafkaCluster cluster = new KafkaCluster(List.copyOf(nodes), directory);
        try {
            nodes.forEach(cluster::launch);
            cluster.awaitBrokers(cluster.nodeIds(), READY);
            return cluster;
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    @Override
    public String bootstrapServers() {
        return nodes.stream().map(KafkaNode::bootstrapServer).collect(Collectors.joining(","));
    }

    public List<Integer> nodeIds() {
        return nodes.stream().map(KafkaNode::id).toList();
    }

    /** The node that leads the controllers' quorum now: the one whose loss costs the cluster an election. */
    public int activeController() {
        return get(admin.describeMetadataQuorum().quorumInfo()).leaderId();
    }

    /** Kills node {@code id} with SIGKILL, as a machine that dies: nothing is flushed, no leadership handed over. */
    public void kill(int id) {
        Process process = running.remove(id);
        if (process == null) {
            throw new IllegalStateException("Kafka node " + id + " is not running");
        }
        process.destroyForcibly();
        awaitExit(process, STOP);
    }

    /** Starts node {@code id} again on the data it had, and returns once it is a live broker of the cluster again. */
    public void restart(int id) {
        launch(node(id));
        awaitBrokers(Set.of(id), REJOIN);
    }

    /**
     * Returns once every partition of every topic, internal ones included, has all its replicas in sync: after a
     * restart, the moment the cluster can lose another node without a partition going below {@code min.insync.replicas}.
     */
    public void awaitFullyReplicated(Duration timeout) {
        await("every partition to have all its replicas in sync", timeout, () -> {
            try {
                return underReplicated().isEmpty();
            } catch (IllegalStateException stillElecting) {
                return false;
            }
        });
    }

    /** The partitions ("topic-partition") that miss an in-sync replica right now. */
    public List<String> underReplicated() {
        Collection<TopicDescription> topics = get(admin.describeTopics(
                                get(admin.listTopics(new ListTopicsOptions().listInternal(true))
                                        .names()))
                        .allTopicNames())
                .values();
        List<String> lagging = new ArrayList<>();
        for (TopicDescription topic : topics) {
            for (TopicPartitionInfo partition : topic.partitions()) {
                if (partition.isr().size() < partition.replicas().size()) {
                    lagging.add(topic.name() + "-" + partition.partition());
                }
            }
        }
        return lagging;
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
        List<Process> processes = List.copyOf(running.values());
        running.clear();
        processes.forEach(Process::destroy);
        processes.forEach(process -> {
            if (!awaitExit(process, STOP)) {
                process.destroyForcibly();
                awaitExit(process, STOP);
            }
        });
    }

    private void launch(KafkaNode node) {
        Path properties = directory.resolve("node-" + node.id() + ".properties");
        Path log = directory.resolve("node-" + node.id() + ".log");
        try {
            try (var out = Files.newBufferedWriter(properties)) {
                node.properties().store(out, "Kafka node " + node.id() + " of a local cluster");
            }
            ProcessBuilder builder = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            HEAP,
                            "-cp",
                            System.getProperty("java.class.path"),
                            "kafka.Kafka",
                            properties.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            if (running.putIfAbsent(node.id(), ChildProcesses.start(builder, ChildProcesses.OnParentDeath.TERM))
                    != null) {
                throw new IllegalStateException("Kafka node " + node.id() + " is running already");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not start Kafka node " + node.id() + "; see " + log, e);
        }
    }

    private void awaitBrokers(Collection<Integer> ids, Duration timeout) {
        await("brokers " + ids + " to join the cluster", timeout, () -> {
            failIfExited(ids);
            Set<Integer> live = liveBrokers();
            return live.containsAll(ids);
        });
    }

    private Set<Integer> liveBrokers() {
        try {
            return admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).stream()
                    .map(Node::id)
                    .collect(Collectors.toSet());
        } catch (ExecutionException | TimeoutException e) {
            return Set.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking the Kafka cluster for its brokers", e);
        }
    }

    private void failIfExited(Collection<Integer> ids) {
        for (int id : ids) {
            Optional.ofNullable(running.get(id))
                    .filter(process -> !process.isAlive())
                    .ifPresent(process -> {
                        throw new IllegalStateException("Kafka node " + id + " exited with status "
                                + process.exitValue() + "; see " + directory.resolve("node-" + id + ".log"));
                    });
        }
    }

    private KafkaNode node(int id) {
        return nodes.stream()
                .filter(node -> node.id() == id)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no Kafka node " + id + " in " + nodeIds()));
    }

    private static void format(KafkaNode node, String clusterId) {
        try {
            Files.createDirectories(node.logDir());
            node.format(clusterId);
        } catch (Exception e) {
            throw new IllegalStateException("could not format Kafka node " + node.id() + ": " + e.getMessage(), e);
        }
    }

    private static void await(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out after " + timeout.toSeconds() + " s waiting for " + what);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + what, e);
            }
        }
    }

    private static boolean awaitExit(Process process, Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static <T> T get(org.apache.kafka.common.KafkaFuture<T> future) {
        try {
            return future.get(15, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the Kafka cluster did not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking the Kafka cluster", e);
        }
    }
}
