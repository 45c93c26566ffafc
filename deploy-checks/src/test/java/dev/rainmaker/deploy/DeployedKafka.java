package dev.rainmaker.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import dev.rainmaker.localcloud.kafka.KafkaBroker;
import dev.rainmaker.localcloud.kafka.KafkaSecurity;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.errors.SaslAuthenticationException;

/**
 * A broker that authorizes as the deployed cluster does ({@link KafkaSecurity}: SCRAM users, Kafka's
 * StandardAuthorizer, nothing allowed without an ACL), set up as deploy/kubernetes sets up the cluster: the topics of
 * kafka-topics.yaml (three partitions, one replica: one broker), a SCRAM user per KafkaUser and the ACLs Strimzi
 * creates from its rules.
 */
final class DeployedKafka implements AutoCloseable {

    private static final int PARTITIONS = 3;
    private static final KafkaSecurity SECURITY = new KafkaSecurity("admin", "admin-secret");

    private final KafkaBroker kafka;

    private DeployedKafka(KafkaBroker kafka) {
        this.kafka = kafka;
    }

    static DeployedKafka start() throws Exception {
        KafkaBroker kafka = KafkaBroker.startEphemeral(SECURITY);
        List<Manifest> users = Manifests.ofKind("KafkaUser");
        try (Admin admin = Admin.create(SECURITY.adminSettings(kafka.bootstrapServers()))) {
            List<NewTopic> topics = Manifests.ofKind("KafkaTopic").stream()
                    .map(topic -> new NewTopic(
                            topic.body().path("spec").path("topicName").asText(), PARTITIONS, (short) 1))
                    .toList();
            admin.createTopics(topics).all().get(1, TimeUnit.MINUTES);
            List<AclBinding> acls = new ArrayList<>();
            for (Manifest user : users) {
                admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(
                                user.name(),
                                new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096),
                                password(user.name()))))
                        .all()
                        .get(1, TimeUnit.MINUTES);
                acls.addAll(KafkaUserAcls.of(user));
            }
            admin.createAcls(acls).all().get(1, TimeUnit.MINUTES);
            awaitAcls(admin, acls.size());
        }
        DeployedKafka deployed = new DeployedKafka(kafka);
        for (Manifest user : users) {
            deployed.awaitCredentials(user.name());
        }
        return deployed;
    }

    /** The client settings of the service's user. */
    Map<String, Object> as(String user) {
        return SECURITY.clientSettings(kafka.bootstrapServers(), user, password(user));
    }

    Map<String, Object> asAdmin() {
        return SECURITY.adminSettings(kafka.bootstrapServers());
    }

    /** What Strimzi puts under {@code sasl.jaas.config} in the user's Secret. */
    String jaasConfigOf(String user) {
        return String.valueOf(as(user).get("sasl.jaas.config"));
    }

    String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    @Override
    public void close() {
        kafka.close();
    }

    private static String password(String user) {
        return user + "-password";
    }

    /** The broker takes users and ACLs from its metadata log, a moment after the admin's calls returned. */
    private static void awaitAcls(Admin admin, int count) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (admin.describeAcls(AclBindingFilter.ANY).values().get().size() < count) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the broker did not show the " + count + " ACLs within 30 s");
            }
            Thread.sleep(100);
        }
    }

    private void awaitCredentials(String user) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try (Admin admin = Admin.create(as(user))) {
                admin.describeCluster().nodes().get(10, TimeUnit.SECONDS);
                return;
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof SaslAuthenticationException) || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }
}
