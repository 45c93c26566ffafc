package dev.rainmaker.localcloud.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import dev.rainmaker.localcloud.Directories;
import dev.rainmaker.localcloud.LocalPorts;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * Apache Kafka's own single-node KRaft broker (broker and controller in one), listening on 127.0.0.1. The same code
 * serves tests (random port, temporary log directory) and local runs (a chosen port, a log directory in the state
 * directory); each start begins with no topics.
 */
public final class KafkaBroker implements AutoCloseable {

    public static final int DEFAULT_PARTITIONS = 12;

    private final KafkaRaftServer server;
    private final int port;
    private final Path logDirToDelete;

    private KafkaBroker(KafkaRaftServer server, int port, Path logDirToDelete) {
        this.server = server;
        this.port = port;
        this.logDirToDelete = logDirToDelete;
    }

    /** Starts a broker on a free port with a fresh log directory that {@link #close()} deletes. */
    public static KafkaBroker startEphemeral() {
        try {
            return start(LocalPorts.free(), Files.createTempDirectory("rainmaker-kafka-"), true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts a broker on {@code port} with an empty {@code logDir}: whatever an earlier run left there is deleted. */
    public static KafkaBroker startFresh(int port, Path logDir) {
        Directories.deleteTree(logDir);
        return start(port, logDir, false);
    }

    private static KafkaBroker start(int port, Path logDir, boolean deleteOnClose) {
        try {
            Files.createDirectories(logDir);
            int controllerPort = LocalPorts.free();
            KafkaConfig config = KafkaConfig.fromProps(properties(port, controllerPort, logDir));
            format(logDir);
            KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
            server.startup();
            return new KafkaBroker(server, port, deleteOnClose ? logDir : null);
        } catch (Exception e) {
            throw new IllegalStateException(
                    "Kafka broker did not start on 127.0.0.1:" + port + ": " + e.getMessage(), e);
        }
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
        if (logDirToDelete != null) {
            Directories.deleteTree(logDirToDelete);
        }
    }

    private static Properties properties(int port, int controllerPort, Path logDir) {
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", "1");
        props.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        props.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("controller.listener.names", "CONTROLLER");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("log.dirs", logDir.toString());
        props.put("num.partitions", String.valueOf(DEFAULT_PARTITIONS));
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "12");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("auto.create.topics.enable", "true");
        return props;
    }

    private static void format(Path logDir) throws Exception {
        new Formatter()
                .setNodeId(1)
                .setClusterId(Uuid.randomUuid().toString())
                .setDirectories(List.of(logDir.toString()))
                .setMetadataLogDirectory(logDir.toString())
                .setControllerListenerName("CONTROLLER")
                .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                .setPrintStream(System.out)
                .run();
    }
}
