package dev.rainmaker.deadletters;

/**
 * Where a dead letter sits: its dead-letter topic, partition and offset. It names the dead letter uniquely and for
 * good, so it is the key of the replay log, written {@code topic/partition/offset}.
 */
public record Position(String topic, int partition, long offset) {

    public Position {
        if (topic == null || topic.isBlank() || topic.contains("/")) {
            throw new IllegalArgumentException("a dead letter's topic must be a topic name, not '" + topic + "'");
        }
        if (partition < 0 || offset < 0) {
            throw new IllegalArgumentException(
                    "a dead letter's partition and offset are whole numbers from 0, not " + partition + "/" + offset);
        }
    }

    /** Reads {@code topic/partition/offset}, as {@link #toString()} writes it. */
    public static Position parse(String text) {
        String[] parts = text == null ? new String[0] : text.split("/", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException(
                    "a dead letter's position is written topic/partition/offset, not '" + text + "'");
        }
        return new Position(
                parts[0], Math.toIntExact(wholeNumber(parts[1], "partition")), wholeNumber(parts[2], "offset"));
    }

    private static long wholeNumber(String text, String what) {
        try {
            long number = Long.parseLong(text);
            return what.equals("partition") ? Math.toIntExact(number) : number;
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("a dead letter's " + what + " is a whole number, not '" + text + "'");
        }
    }

    /**
     * The transactional id of every replay of this dead letter, whichever process runs it: a producer that starts
     * with it fences any other one still replaying the same dead letter (see {@link LetterReplay}).
     */
    String transactionalId() {
        return "rainmaker-replay-" + topic + "-" + partition + "-" + offset;
    }

    @Override
    public String toString() {
        return topic + "/" + partition + "/" + offset;
    }
}
