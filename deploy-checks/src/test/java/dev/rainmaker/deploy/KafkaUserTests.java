package dev.rainmaker.deploy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The KafkaUsers of deploy/kubernetes/kafka-users.yaml against the code: each service may read exactly the topics its
 * channels and its own clients read, write exactly those they write (dead-letter topics included), use its consumer
 * groups and transactional ids, and nothing else; every topic named is one the code and kafka-topics.yaml know.
 */
class KafkaUserTests {

    static final List<String> SERVICES = ServiceConfig.SERVICES;

    private static final Set<String> KAFKA_STREAMS_TOPIC_OPERATIONS =
            Set.of("Create", "Delete", "Describe", "Read", "Write");

    private final Map<String, Manifest> users =
            Manifests.ofKind("KafkaUser").stream().collect(Collectors.toMap(Manifest::name, user -> user));

    @Test
    void thereIsOneUserPerServiceOfTheRainmakerClusterAuthenticatedBySCRAM() {
        assertThat(users.keySet()).containsExactlyInAnyOrderElementsOf(SERVICES);
        for (Manifest user : users.values()) {
            assertThat(user.body()
                            .path("metadata")
                            .path("labels")
                            .path("strimzi.io/cluster")
                            .asText())
                    .as(user.where())
                    .isEqualTo("rainmaker");
            assertThat(user.body()
                            .path("spec")
                            .path("authentication")
                            .path("type")
                            .asText())
                    .as(user.where())
                    .isEqualTo("scram-sha-512");
            assertThat(user.body()
                            .path("spec")
                            .path("authorization")
                            .path("type")
                            .asText())
                    .as(user.where())
                    .isEqualTo("simple");
        }
    }

    @Test
    void everyTopicAnAclNamesIsAKafkaTopicAndATopicOfTheCode() {
        Set<String> declared = Manifests.ofKind("KafkaTopic").stream()
                .map(topic -> topic.body().path("spec").path("topicName").asText())
                .collect(Collectors.toSet());
        for (Manifest user : users.values()) {
            for (AclRule rule : AclRule.of(user)) {
                if (rule.isLiteral("topic")) {
                    assertThat(declared)
                            .as("kafka-topics.yaml, for %s", user.where())
                            .contains(rule.name());
                    assertThat(CodeKafkaClients.allTopics())
                            .as("the code's topics, for %s", user.where())
                            .contains(rule.name());
                }
            }
        }
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void aServiceMayReadExactlyWhatItReadsAndWriteExactlyWhatItWrites(String service) {
        ServiceConfig config = ServiceConfig.of(service);
        CodeKafkaClients code = CodeKafkaClients.of(service);
        assertThat(code.staleEvidence())
                .as("CodeKafkaClients' entry for %s", service)
                .isEmpty();
        List<AclRule> rules = AclRule.of(users.get(service));

        assertThat(literal(rules, "topic", "Read"))
                .as("topics %s may read", service)
                .containsExactlyInAnyOrderElementsOf(union(config.readTopics(), code.reads()));
        assertThat(literal(rules, "topic", "Write"))
                .as("topics %s may write", service)
                .containsExactlyInAnyOrderElementsOf(union(config.writtenTopics(), code.writes()));
        assertThat(rules.stream().filter(rule -> rule.isLiteral("topic")))
                .as("%s: every topic rule allows Describe, which its clients' metadata requests need", service)
                .allMatch(rule -> rule.allows("Describe"));
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void aServiceMayUseExactlyItsConsumerGroupsAndTransactionalIds(String service) {
        ServiceConfig config = ServiceConfig.of(service);
        CodeKafkaClients code = CodeKafkaClients.of(service);
        List<AclRule> rules = AclRule.of(users.get(service));

        assertThat(literal(rules, "group", "Read"))
                .as("consumer groups of %s", service)
                .containsExactlyInAnyOrderElementsOf(union(
                        config.consumerGroups(),
                        config.kafkaStreamsApplicationId().stream().collect(Collectors.toSet())));
        assertThat(prefixed(rules, "group", "Read"))
                .as("consumer group prefixes of %s", service)
                .containsExactlyInAnyOrderElementsOf(code.groupPrefixes());
        assertThat(prefixed(rules, "transactionalId", "Write"))
                .as("transactional id prefixes of %s", service)
                .containsExactlyInAnyOrderElementsOf(
                        union(config.transactionalIdPrefixes(), code.transactionalIdPrefixes()));
        assertThat(literal(rules, "transactionalId", "Write")).as("%s", service).isEmpty();
        assertThat(rules)
                .as("%s: no cluster-wide rights", service)
                .noneMatch(rule -> rule.resourceType().equals("cluster"));
    }

    @Test
    void kafkaStreamsMayCreateAndUseOnlyItsOwnInternalTopics() {
        for (String service : SERVICES) {
            Set<String> prefixes = prefixed(AclRule.of(users.get(service)), "topic", "Read");
            ServiceConfig.of(service)
                    .kafkaStreamsApplicationId()
                    .ifPresentOrElse(
                            id -> assertThat(prefixes).as(service).containsExactly(id + "-"),
                            () -> assertThat(prefixes).as(service).isEmpty());
        }
        AclRule internal = AclRule.of(users.get("status-service")).stream()
                .filter(rule -> rule.isPrefix("topic"))
                .findFirst()
                .orElseThrow();
        assertThat(internal.operations()).containsExactlyInAnyOrderElementsOf(KAFKA_STREAMS_TOPIC_OPERATIONS);
    }

    @Test
    void theClusterIsKraftWithThreeBrokersAnAuthenticatedListenerAndSimpleAuthorization() {
        Manifest kafka = Manifests.ofKind("Kafka").getFirst();
        JsonNode spec = kafka.body().path("spec").path("kafka");

        assertThat(kafka.name()).isEqualTo("rainmaker");
        assertThat(kafka.body()
                        .path("metadata")
                        .path("annotations")
                        .path("strimzi.io/kraft")
                        .asText())
                .isEqualTo("enabled");
        assertThat(kafka.body()
                        .path("metadata")
                        .path("annotations")
                        .path("strimzi.io/node-pools")
                        .asText())
                .isEqualTo("enabled");
        assertThat(spec.path("listeners"))
                .as("every listener authenticates its clients")
                .allSatisfy(listener -> assertThat(
                                listener.path("authentication").path("type").asText())
                        .isIn("scram-sha-512", "tls"));
        assertThat(spec.path("authorization").path("type").asText()).isEqualTo("simple");
        assertThat(spec.path("config").path("default.replication.factor").asInt())
                .isEqualTo(3);
        assertThat(spec.path("config").path("min.insync.replicas").asInt()).isEqualTo(2);
        assertThat(poolReplicas("broker")).isEqualTo(3);
        assertThat(poolReplicas("controller")).isEqualTo(3);
        assertThat(Manifests.ofKind("KafkaTopic"))
                .allSatisfy(topic -> assertThat(
                                topic.body().path("spec").path("replicas").asInt())
                        .as(topic.where())
                        .isEqualTo(3));
    }

    private static int poolReplicas(String role) {
        return Manifests.ofKind("KafkaNodePool").stream()
                .filter(pool ->
                        pool.body().path("spec").path("roles").toString().contains("\"" + role + "\""))
                .mapToInt(pool -> pool.body().path("spec").path("replicas").asInt())
                .sum();
    }

    private static Set<String> literal(List<AclRule> rules, String type, String operation) {
        return names(rules, rule -> rule.isLiteral(type) && rule.allows(operation));
    }

    private static Set<String> prefixed(List<AclRule> rules, String type, String operation) {
        return names(rules, rule -> rule.isPrefix(type) && rule.allows(operation));
    }

    private static Set<String> names(List<AclRule> rules, Predicate<AclRule> which) {
        return rules.stream().filter(which).map(AclRule::name).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> union(Set<String> first, Set<String> second) {
        Set<String> union = new TreeSet<>(first);
        union.addAll(second);
        return union;
    }
}
