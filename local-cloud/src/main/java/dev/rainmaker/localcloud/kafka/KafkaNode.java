package dev.rainmaker.localcloud.kafka;

import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;

import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * One KRaft node on 127.0.0.1, broker and controller in one, among {@code voters} (all the cluster's nodes). Topics get
 * {@code replicas} copies (the broker's defaults for automatic and unspecified creation, and for its own offsets and
 * transaction topics) and a write needs all but one of them in sync, so a cluster of three loses no acknowledged
 * record when a broker dies and keeps taking writes.
 */
record KafkaNode(int id, int port, int controllerPort, List<KafkaNode.Voter> voters, Path logDir, int replicas) {

    static final int DEFAULT_PARTITIONS = 12;

    /** A controller every node of the cluster votes with. */
    record Voter(int id, int controllerPort) {}

    /** The only node of a one-node cluster. */
    static KafkaNode single(int port, int controllerPort, Path logDir) {
        return new KafkaNode(1, port, controllerPort, List.of(new Voter(1, controllerPort)), logDir, 1);
    }

    String bootstrapServer() {
        return "127.0.0.1:" + port;
    }

    int minInSyncReplicas() {
        return Math.max(1, replicas - 1);
    }

    Properties properties() {
        String replication = String.valueOf(replicas);
        String minInSync = String.valueOf(minInSyncReplicas());
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", String.valueOf(id));
        props.put(
                "controller.quorum.voters",
                voters.stream()
                        .map(voter -> voter.id() + "@127.0.0.1:" + voter.controllerPort())
                        .collect(Collectors.joining(",")));
        props.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("controller.listener.names", "CONTROLLER");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("log.dirs", logDir.toString());
        props.put("num.partitions", String.valueOf(DEFAULT_PARTITIONS));
        props.put("default.replication.factor", replication);
        props.put("min.insync.replicas", minInSync);
        props.put("offsets.topic.replication.factor", replication);
        props.put("offsets.topic.num.partitions", "12");
        props.put("transaction.state.log.replication.factor", replication);
        props.put("transaction.state.log.min.isr", minInSync);
        props.put("share.coordinator.state.topic.replication.factor", replication);
        props.put("share.coordinator.state.topic.min.isr", minInSync);
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("auto.create.topics.enable", "true");
        return props;
    }

    /** Writes the node's identity into its empty log directory; a formatted directory must never be formatted again. */
    void format(String clusterId) throws Exception {
        format(clusterId, List.of());
    }

    /** The same, with SCRAM users ({@code SCRAM-SHA-512=[name=...,password=...]}) the node knows from its start. */
    void format(String clusterId, List<String> scramArguments) throws Exception {
        new Formatter()
                .setNodeId(id)
                .setClusterId(clusterId)
                .setDirectories(List.of(logDir.toString()))
                .setMetadataLogDirectory(logDir.toString())
                .setControllerListenerName("CONTROLLER")
                .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                .setScramArguments(scramArguments)
                .setPrintStream(System.out)
                .run();
    }
}
