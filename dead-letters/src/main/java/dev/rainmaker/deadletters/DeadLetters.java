package dev.rainmaker.deadletters;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import dev.rainmaker.events.EventType;
import org.apache.kafka.clients.consumer.ConsumerConfig;

/**
 * The pipeline's dead letters (every {@code <topic>.dlq} of {@link EventType}): listed, and replayed to the topic
 * they came from, each at most once whoever replays it. A replay is logged on {@value #REPLAY_LOG} (key = the dead
 * letter's position, value = customer id); how "never twice" holds across processes is told in {@link LetterReplay}.
 * Opens its Kafka clients per call; safe to share between threads.
 */
public final class DeadLetters {

    public static final String REPLAY_LOG = "rainmaker.dlq-replays";
    public static final String REPLAYED_FROM = "rainmaker-replayed-from";

    private static final List<String> DEAD_LETTER_TOPICS =
            Arrays.stream(EventType.values()).map(EventType::deadLetterTopic).toList();

    private final KafkaClients kafka;
    private final TopicReader reader;

    /**
     * @param kafkaSettings Kafka client settings every client of this library uses: {@code bootstrap.servers} and, where
     *     the cluster needs them, its security settings
     */
    public DeadLetters(Map<String, ?> kafkaSettings) {
        this.kafka = new KafkaClients(kafkaSettings);
        this.reader = new TopicReader(kafka);
    }

    public static DeadLetters at(String bootstrapServers) {
        return new DeadLetters(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    /** What to act on: dead letters of one topic (pipeline or dead-letter name), of one customer, or all. */
    public record Filter(String topic, String customerId) implements Predicate<DeadLetter> {

        public static final Filter ALL = new Filter(null, null);

        @Override
        public boolean test(DeadLetter letter) {
            return (topic == null || topic.equals(letter.deadLetterTopic()) || topic.equals(letter.originalTopic()))
                    && (customerId == null || customerId.equals(letter.customerId()));
        }
    }

    /** A dead letter and whether it has been replayed. */
    public record Listed(DeadLetter letter, boolean replayed) {}

    /** Dead letters matching the filter, oldest first, with whether each was replayed already. */
    public List<Listed> list(Filter filter) {
        Set<String> replayed;
        try (ReplayLog log = new ReplayLog(kafka)) {
            replayed = log.replayed();
        }
        return reader.readAll(DEAD_LETTER_TOPICS).stream()
                .map(DeadLetter::of)
                .filter(filter)
                .sorted(Comparator.comparing(DeadLetter::deadAt)
                        .thenComparing(letter -> letter.position().toString()))
                .map(letter ->
                        new Listed(letter, replayed.contains(letter.position().toString())))
                .toList();
    }

    /** Replays the dead letter at the position, unless it was replayed before or there is none. */
    public Replay replay(Position position) {
        if (!DEAD_LETTER_TOPICS.contains(position.topic())) {
            return Replay.none(position);
        }
        return reader.readAt(position).map(DeadLetter::of).map(this::replayOne).orElseGet(() -> Replay.none(position));
    }

    /**
     * Replays every matching dead letter that was not replayed yet, oldest first; one that another replayer sent in
     * the meantime comes back as {@link Replay.Outcome#ALREADY_REPLAYED}.
     */
    public List<Replay> replay(Filter filter) {
        List<DeadLetter> due = list(filter).stream()
                .filter(listed -> !listed.replayed())
                .map(Listed::letter)
                .toList();
        if (due.isEmpty()) {
            return List.of();
        }
        try (ReplayLog log = new ReplayLog(kafka)) {
            log.createIfMissing();
            LetterReplay replay = new LetterReplay(kafka, log);
            return due.stream()
                    .map(letter -> Replay.of(letter, replay.replay(letter)))
                    .toList();
        }
    }

    private Replay replayOne(DeadLetter letter) {
        try (ReplayLog log = new ReplayLog(kafka)) {
            log.createIfMissing();
            return Replay.of(letter, new LetterReplay(kafka, log).replay(letter));
        }
    }
}
