package dev.rainmaker.status.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What a timeline entry records. */
public enum EntryKind {
    EVENT("event"),
    DEAD_LETTER("dead-letter"),
    FAILED("failed"),
    REPLAY("replay"),
    COMPENSATION("compensation");

    private final String word;

    EntryKind(String word) {
        this.word = word;
    }

    @JsonValue
    public String word() {
        return word;
    }

    @JsonCreator
    public static EntryKind of(String word) {
        for (EntryKind kind : values()) {
            if (kind.word.equals(word)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("no entry kind '" + word + "'");
    }
}
