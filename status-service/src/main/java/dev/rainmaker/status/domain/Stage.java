package dev.rainmaker.status.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Where an in-flight customer waits, in pipeline order; each stage ends with the event named. */
public enum Stage {
    /** Sign-up seen, awaiting DropletActive. */
    DROPLET("droplet"),
    /** DropletActive seen, awaiting HostHardened. */
    HARDENING("hardening"),
    /** HostHardened seen, awaiting StackInstalled. */
    STACK("stack"),
    /** StackInstalled seen, awaiting CustomerReady. */
    EMAIL("email");

    private final String word;

    Stage(String word) {
        this.word = word;
    }

    @JsonValue
    public String word() {
        return word;
    }

    @JsonCreator
    public static Stage of(String word) {
        for (Stage stage : values()) {
            if (stage.word.equals(word)) {
                return stage;
            }
        }
        throw new IllegalArgumentException("no stage '" + word + "' (droplet, hardening, stack, email)");
    }
}
