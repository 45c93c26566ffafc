package dev.rainmaker.localcloud.kafka;

import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * A broker that, like a deployed cluster, lets no client in without a SCRAM-SHA-512 user and nothing through that the
 * user's ACLs do not allow (Kafka's StandardAuthorizer: no ACL means no access), and creates no topic by itself. TLS is
 * left out: it changes who may connect, not what a user may do. {@code adminUser} is a super user, created when the
 * node is formatted; the node's own listeners (between brokers, to the controllers) are not for clients.
 */
public record KafkaSecurity(String adminUser, String adminPassword) {

    private static final String MECHANISM = "SCRAM-SHA-512";

    /**
     * {@code node}'s settings with clients on its port as SCRAM users, and the node's own traffic on {@code internalPort}.
     */
    Properties secure(KafkaNode node, int internalPort) {
        Properties props = node.properties();
        props.put(
                "listeners",
                "SASL_PLAINTEXT://127.0.0.1:" + node.port() + ",INTERNAL://127.0.0.1:" + internalPort
                        + ",CONTROLLER://127.0.0.1:" + node.controllerPort());
        props.put(
                "advertised.listeners",
                "SASL_PLAINTEXT://127.0.0.1:" + node.port() + ",INTERNAL://127.0.0.1:" + internalPort);
        props.put(
                "listener.security.protocol.map",
                "SASL_PLAINTEXT:SASL_PLAINTEXT,INTERNAL:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("inter.broker.listener.name", "INTERNAL");
        props.put("sasl.enabled.mechanisms", MECHANISM);
        props.put(
                "listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required;");
        props.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        // The node talks to itself over INTERNAL and CONTROLLER, unauthenticated: only there is ANONYMOUS a super user.
        props.put("super.users", "User:" + adminUser + ";User:ANONYMOUS");
        props.put("allow.everyone.if.no.acl.found", "false");
        props.put("auto.create.topics.enable", "false");
        return props;
    }

    /** The admin's credentials, as the node's format step takes them. */
    List<String> scramArguments() {
        return List.of(MECHANISM + "=[name=" + adminUser + ",password=" + adminPassword + "]");
    }

    /** A client's settings as {@code user}. */
    public Map<String, Object> clientSettings(String bootstrapServers, String user, String password) {
        return Map.of(
                "bootstrap.servers",
                bootstrapServers,
                "security.protocol",
                "SASL_PLAINTEXT",
                "sasl.mechanism",
                MECHANISM,
                "sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user + "\" password=\""
                        + password + "\";");
    }

    public Map<String, Object> adminSettings(String bootstrapServers) {
        return clientSettings(bootstrapServers, adminUser, adminPassword);
    }
}
