package dev.rainmaker.localcloud.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import dev.rainmaker.localcloud.Directories;
import dev.rainmaker.localcloud.LocalPorts;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * Apache Kafka's own single-node KRaft broker (broker and controller in one), listening on 127.0.0.1. The same code
 * serves tests (random port, temporary log directory) and local runs (a chosen port, a log directory in the state
 * directory); each start begins with no topics.
 */
public final class KafkaBroker implements LocalKafka {

    public static final int DEFAULT_PARTITIONS = KafkaNode.DEFAULT_PARTITIONS;

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
            return start(LocalPorts.free(), Files.createTempDirectory("rainmaker-kafka-"), true, Optional.empty());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts a broker on a free port with a fresh log directory that {@link #close()} deletes, letting clients in only
     * as {@code security} says.
     */
    public static KafkaBroker startEphemeral(KafkaSecurity security) {
        try {
            return start(LocalPorts.free(), Files.createTempDirectory("rainmaker-kafka-"), true, Optional.of(security));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts a broker on {@code port} with an empty {@code logDir}: whatever an earlier run left there is deleted. */
    public static KafkaBroker startFresh(int port, Path logDir) {
        Directories.deleteTree(logDir);
        return start(port, logDir, false, Optional.empty());
    }

    private static KafkaBroker start(int port, Path logDir, boolean deleteOnClose, Optional<KafkaSecurity> security) {
        try {
            Files.createDirectories(logDir);
            KafkaNode node = KafkaNode.single(port, LocalPorts.free(), logDir);
            KafkaConfig config = KafkaConfig.fromProps(security.map(secured -> secured.secure(node, LocalPorts.free()))
                    .orElseGet(node::properties));
            node.format(
                    Uuid.randomUuid().toString(),
                    security.map(KafkaSecurity::scramArguments).orElse(List.of()));
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
}
