package dev.rainmaker.deploy;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.rainmaker.deadletters.DeadLetters;
import dev.rainmaker.events.EventType;

/**
 * What a service reads and writes through Kafka clients its code opens itself, beside the channels of its
 * application.properties. Services are not deploy-checks' to import, so each entry names the source that says so,
 * with the line it must still contain ({@code evidence}): when the code changes, the test says which entry to change.
 */
record CodeKafkaClients(
        String service,
        Set<String> reads,
        Set<String> writes,
        Set<String> groupPrefixes,
        Set<String> transactionalIdPrefixes,
        Map<String, String> evidence) {

    /** status-service's timeline topic ({@code StatusTopology.TIMELINE_TOPIC}). */
    static final String STATUS_TIMELINE = "rainmaker.status-timeline";
    /** api-service's dead-letter topic of webhooks ({@code WebhookDeadLetters.TOPIC}). */
    static final String WEBHOOKS_DLQ = "rainmaker.webhooks.dlq";

    private static final String NOTIFIER = "notifier-service/src/main/java/dev/rainmaker/notifier/messaging/";
    private static final String STATUS = "status-service/src/main/java/dev/rainmaker/status/messaging/";
    private static final String API = "api-service/src/main/java/dev/rainmaker/api/messaging/";

    static CodeKafkaClients of(String service) {
        return switch (service) {
            case "notifier-service" ->
                new CodeKafkaClients(
                        service,
                        Set.of(EventType.CUSTOMER_READY.topic()),
                        Set.of(),
                        Set.of(),
                        Set.of(),
                        Map.of(
                                NOTIFIER + "ReadyCustomers.java",
                                "name = \"mp.messaging.outgoing.customers-ready-out.topic\""));
            case "status-service" ->
                new CodeKafkaClients(
                        service,
                        union(eventAndDeadLetterTopics(), Set.of(DeadLetters.REPLAY_LOG, STATUS_TIMELINE)),
                        union(eventTopics(), Set.of(DeadLetters.REPLAY_LOG, STATUS_TIMELINE)),
                        Set.of(),
                        Set.of("rainmaker-replay-"),
                        Map.of(
                                STATUS + "StatusTopology.java",
                                "TIMELINE_TOPIC = \"" + STATUS_TIMELINE + "\"",
                                STATUS + "DeadLetterSource.java",
                                "new DeadLetters(",
                                "dead-letters/src/main/java/dev/rainmaker/deadletters/Position.java",
                                "\"rainmaker-replay-\" + topic"));
            case "api-service" ->
                new CodeKafkaClients(
                        service,
                        Set.of(
                                EventType.SIGNUP_RECEIVED.topic(),
                                EventType.CUSTOMER_READY.topic(),
                                EventType.PROVISIONING_FAILED.topic()),
                        Set.of(WEBHOOKS_DLQ),
                        Set.of("api-service-webhooks-"),
                        Set.of(),
                        Map.of(
                                API + "SignupLedger.java",
                                "TOPIC = EventType.SIGNUP_RECEIVED.topic()",
                                API + "WebhookRecords.java",
                                "List.of(EventType.CUSTOMER_READY.topic(), EventType.PROVISIONING_FAILED.topic())",
                                API + "WebhookConsumers.java",
                                "GROUP_PREFIX = \"api-service-webhooks-\"",
                                API + "WebhookDeadLetters.java",
                                "TOPIC = \"" + WEBHOOKS_DLQ + "\""));
            default -> new CodeKafkaClients(service, Set.of(), Set.of(), Set.of(), Set.of(), Map.of());
        };
    }

    /** Every topic the code names: the events', their dead-letter topics', the replay log, the two above. */
    static Set<String> allTopics() {
        return union(eventAndDeadLetterTopics(), Set.of(DeadLetters.REPLAY_LOG, STATUS_TIMELINE, WEBHOOKS_DLQ));
    }

    /** The evidence that no longer holds: files that lack their line. */
    List<String> staleEvidence() {
        return evidence.entrySet().stream()
                .filter(entry -> !DeployFiles.read(DeployFiles.ROOT.resolve(Path.of(entry.getKey())))
                        .contains(entry.getValue()))
                .map(entry -> entry.getKey() + " no longer contains " + entry.getValue())
                .toList();
    }

    private static Set<String> eventTopics() {
        return Arrays.stream(EventType.values()).map(EventType::topic).collect(Collectors.toSet());
    }

    private static Set<String> eventAndDeadLetterTopics() {
        return Arrays.stream(EventType.values())
                .flatMap(type -> Stream.of(type.topic(), type.deadLetterTopic()))
                .collect(Collectors.toSet());
    }

    private static Set<String> union(Set<String> first, Set<String> second) {
        return Stream.concat(first.stream(), second.stream()).collect(Collectors.toSet());
    }
}
