package dev.rainmaker.cli;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import dev.rainmaker.events.EventType;
import dev.rainmaker.localcloud.kafka.TopicClient;
import dev.rainmaker.localcloud.kafka.TopicClient.TopicRecord;

/**
 * The pipeline's dead letters: listed, and replayed to the topic they came from. A replay is logged on
 * {@value #REPLAY_LOG}, keyed by the dead letter's position, so the same dead letter is never replayed twice.
 */
public final class DeadLetters {

    public static final String REPLAY_LOG = "rainmaker.dlq-replays";
    public static final String REPLAYED_FROM = "rainmaker-replayed-from";

    private final TopicClient kafka;

    public DeadLetters(TopicClient kafka) {
        this.kafka = kafka;
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

    /** Dead letters matching the filter, oldest first, with whether each was replayed already. */
    public List<Listed> list(Filter filter) {
        Set<String> replayed = replayed();
        return Arrays.stream(EventType.values())
                .flatMap(type -> kafka.readAll(type.deadLetterTopic()).stream())
                .map(DeadLetter::of)
                .filter(filter)
                .sorted(Comparator.comparing(DeadLetter::deadAt))
                .map(letter -> new Listed(letter, replayed.contains(letter.position())))
                .toList();
    }

    /** Sends every matching dead letter not yet replayed back to its original topic; returns those sent. */
    public List<DeadLetter> replay(Filter filter) {
        List<DeadLetter> sent = list(filter).stream()
                .filter(listed -> !listed.replayed())
                .map(Listed::letter)
                .toList();
        for (DeadLetter letter : sent) {
            kafka.publish(
                    letter.originalTopic(),
                    letter.customerId(),
                    letter.value(),
                    Map.of(REPLAYED_FROM, letter.position()));
            kafka.publish(REPLAY_LOG, letter.position(), letter.customerId());
        }
        return sent;
    }

    private Set<String> replayed() {
        return kafka.readAll(REPLAY_LOG).stream().map(TopicRecord::key).collect(Collectors.toSet());
    }

    /** A dead letter and whether it has been replayed. */
    public record Listed(DeadLetter letter, boolean replayed) {}
}
