package dev.rainmaker.deadletters;

import java.util.Optional;

/** What became of a request to replay the dead letter at a position; the letter when there is one. */
public record Replay(Position position, Outcome outcome, Optional<DeadLetter> letter) {

    public enum Outcome {
        /** Sent back to its original topic now, and logged. */
        REPLAYED,
        /** Replayed before (by this or any other replayer); nothing was sent. */
        ALREADY_REPLAYED,
        /** No dead letter at that position: not a dead-letter topic, no such partition or offset, or deleted. */
        NO_SUCH_DEAD_LETTER
    }

    static Replay of(DeadLetter letter, Outcome outcome) {
        return new Replay(letter.position(), outcome, Optional.of(letter));
    }

    static Replay none(Position position) {
        return new Replay(position, Outcome.NO_SUCH_DEAD_LETTER, Optional.empty());
    }
}
