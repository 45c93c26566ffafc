package dev.rainmaker.status.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A customer's state as ops name it. */
public enum State {
    IN_FLIGHT("in-flight"),
    READY("ready"),
    FAILED("failed"),
    /** Failed, and its droplet destroyed (the compensation). */
    TORN_DOWN("torn-down");

    private final String word;

    State(String word) {
        this.word = word;
    }

    @JsonValue
    public String word() {
        return word;
    }

    @JsonCreator
    public static State of(String word) {
        for (State state : values()) {
            if (state.word.equals(word)) {
                return state;
            }
        }
        throw new IllegalArgumentException("no state '" + word + "' (in-flight, ready, failed, torn-down)");
    }
}
