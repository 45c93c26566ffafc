package dev.rainmaker.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** The one JSON form of every event, as producers and consumers in any language see it. */
public final class EventJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .findAndAddModules()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private EventJson() {}

    public static String write(RainmakerEvent event) {
        try {
            return MAPPER.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + event.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** Reads an event; a value that is not JSON of that event's shape fails with a message saying where and why. */
    public static <T extends RainmakerEvent> T read(String json, Class<T> type) {
        if (json == null || json.isBlank()) {
            throw new InvalidEventException("the " + type.getSimpleName() + " event is empty");
        }
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new InvalidEventException(
                    "the " + type.getSimpleName() + " event is not valid JSON of its schema: " + e.getOriginalMessage(),
                    e);
        }
    }
}
