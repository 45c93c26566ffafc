package dev.rainmaker.status.service;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import jakarta.enterprise.context.ApplicationScoped;

/** Every timeline entry as it happens (its JSON), from whichever instance's partitions, to whoever listens here. */
@ApplicationScoped
public class LiveTimeline {

    private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();

    public void listen(Consumer<String> listener) {
        listeners.add(listener);
    }

    public void publish(String entryJson) {
        for (Consumer<String> listener : listeners) {
            listener.accept(entryJson);
        }
    }
}
