package dev.rainmaker.status.service;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

/**
 * Every timeline entry as it happens (its JSON), from whichever instance's partitions, to whoever listens here. An
 * entry this instance folded is published as it is folded; those of other instances come through the timeline topic,
 * which carries each entry's {@link #origin()} so that none is published here twice.
 */
@ApplicationScoped
public class LiveTimeline {

    private static final Logger LOG = Logger.getLogger(LiveTimeline.class);

    private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();
    private final String origin = UUID.randomUUID().toString();

    public void listen(Consumer<String> listener) {
        listeners.add(listener);
    }

    /** To every listener; one that fails is logged and stops neither the others nor the view's fold, which calls this. */
    public void publish(String entryJson) {
        for (Consumer<String> listener : listeners) {
            try {
                listener.accept(entryJson);
            } catch (RuntimeException e) {
                LOG.warnf(e, "A live timeline listener failed: %s", e.getMessage());
            }
        }
    }

    /** This instance, as the entries it folded name it. */
    public String origin() {
        return origin;
    }
}
