package dev.rainmaker.deploy;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A one-node KRaft Kafka that, like the deployed cluster, lets no client in without a SCRAM-SHA-512 user and nothing
 * through that the user's ACLs do not allow (Kafka's StandardAuthorizer, no ACL means no access). TLS is left out: it
 * changes who may connect, not what a user may do. {@code admin} is a super user; the broker's own listeners are not
 * for clients.
 */
final class SecuredKafka implements AutoCloseable {

    static final String ADMIN = "admin";
    private static final String ADMIN_PASSWORD = "admin-secret";

    private final KafkaRaftServer server;
    private final int port;
    private final Path logDir;

    private SecuredKafka(KafkaRaftServer server, int port, Path logDir) {
        this.server = server;
        this.port = port;
        this.logDir = logDir;
    }

    static SecuredKafka start() {
        try {
            Path logDir = Files.createTempDirectory("rainmaker-secured-kafka-");
            int port = freePort();
            new Formatter()
                    .setNodeId(1)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setDirectories(List.of(logDir.toString()))
                    .setMetadataLogDirectory(logDir.toString())
                    .setControllerListenerName("CONTROLLER")
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .setScramArguments(List.of("SCRAM-SHA-512=[name=" + ADMIN + ",password=" + ADMIN_PASSWORD + "]"))
                    .setPrintStream(new PrintStream(PrintStream.nullOutputStream()))
                    .run();
            KafkaRaftServer server = new KafkaRaftServer(
                    KafkaConfig.fromProps(properties(port, freePort(), freePort(), logDir)), Time.SYSTEM);
            server.startup();
            return new SecuredKafka(server, port, logDir);
        } catch (Exception e) {
            throw new IllegalStateException("the secured Kafka did not start: " + e.getMessage(), e);
        }
    }

    /** Client settings of {@code user}, as a service's KAFKA_* variables give them (TLS aside). */
    Map<String, Object> clientSettings(String user, String password) {
        return Map.of(
                "bootstrap.servers",
                "127.0.0.1:" + port,
                "security.protocol",
                "SASL_PLAINTEXT",
                "sasl.mechanism",
                "SCRAM-SHA-512",
                "sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user + "\" password=\""
                        + password + "\";");
    }

    Map<String, Object> adminSettings() {
        return clientSettings(ADMIN, ADMIN_PASSWORD);
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
        try (Stream<Path> paths = Files.walk(logDir)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Properties properties(int port, int internalPort, int controllerPort, Path logDir) {
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", "1");
        props.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        props.put(
                "listeners",
                "SASL_PLAINTEXT://127.0.0.1:" + port + ",INTERNAL://127.0.0.1:" + internalPort
                        + ",CONTROLLER://127.0.0.1:" + controllerPort);
        props.put(
                "advertised.listeners", "SASL_PLAINTEXT://127.0.0.1:" + port + ",INTERNAL://127.0.0.1:" + internalPort);
        props.put(
                "listener.security.protocol.map",
                "SASL_PLAINTEXT:SASL_PLAINTEXT,INTERNAL:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("controller.listener.names", "CONTROLLER");
        props.put("inter.broker.listener.name", "INTERNAL");
        props.put("sasl.enabled.mechanisms", "SCRAM-SHA-512");
        props.put(
                "listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required;");
        props.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        // The node talks to itself over INTERNAL and CONTROLLER, unauthenticated: only there is ANONYMOUS a super user.
        props.put("super.users", "User:" + ADMIN + ";User:ANONYMOUS");
        props.put("allow.everyone.if.no.acl.found", "false");
        props.put("auto.create.topics.enable", "false");
        props.put("log.dirs", logDir.toString());
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "3");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("transaction.state.log.num.partitions", "3");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        return props;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
