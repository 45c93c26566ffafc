package dev.rainmaker.droplet.service.fleet;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.rainmaker.droplet.domain.RemoteDroplet;
import dev.rainmaker.droplet.service.DigitalOceanApi;
import dev.rainmaker.droplet.service.DigitalOceanException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jboss.logging.Logger;

/**
 * Two droplets of one name can only come from outside this instance's serialisation (two instances racing, a human):
 * the oldest (lowest id; DigitalOcean's ids grow) is the customer's, every younger one is destroyed and counted in
 * {@code rainmaker.droplet.duplicates-destroyed}. Any listing may be judged, even a partial one: a droplet with an
 * older namesake is a duplicate whatever else exists.
 */
@ApplicationScoped
public class DuplicateReaper {

    static final String METRIC = "rainmaker.droplet.duplicates-destroyed";
    private static final Logger LOG = Logger.getLogger(DuplicateReaper.class);

    private final DigitalOceanApi digitalOcean;
    private final Counter destroyedCounter;
    private final Set<Long> destroyed = ConcurrentHashMap.newKeySet();

    @Inject
    public DuplicateReaper(DigitalOceanApi digitalOcean, MeterRegistry registry) {
        this.digitalOcean = digitalOcean;
        this.destroyedCounter = Counter.builder(METRIC)
                .description("Droplets destroyed because an older droplet had the same name")
                .register(registry);
    }

    /** The listed droplets without the duplicates, which are destroyed (a failure to is logged and tried again later). */
    List<RemoteDroplet> reap(List<RemoteDroplet> listed) {
        Map<String, List<RemoteDroplet>> byName = listed.stream()
                .filter(d -> !destroyed.contains(d.id()))
                .collect(Collectors.groupingBy(RemoteDroplet::name));
        return byName.values().stream()
                .flatMap(named -> {
                    List<RemoteDroplet> oldestFirst = named.stream()
                            .sorted(Comparator.comparingLong(RemoteDroplet::id))
                            .toList();
                    if (oldestFirst.size() > 1) {
                        destroyYounger(oldestFirst);
                    }
                    return oldestFirst.stream().limit(1);
                })
                .toList();
    }

    private void destroyYounger(List<RemoteDroplet> oldestFirst) {
        RemoteDroplet kept = oldestFirst.getFirst();
        List<Long> younger = oldestFirst.stream().skip(1).map(RemoteDroplet::id).toList();
        LOG.warnf(
                "%d droplets are named %s: keeping the oldest, %d; destroying %s",
                oldestFirst.size(), kept.name(), kept.id(), younger);
        for (long id : younger) {
            try {
                digitalOcean.destroy(id);
                destroyed.add(id);
                destroyedCounter.increment();
            } catch (DigitalOceanException e) {
                if (e.notFound()) {
                    destroyed.add(id);
                } else {
                    LOG.warnf("Duplicate droplet %d (%s) not destroyed yet: %s", id, kept.name(), e.getMessage());
                }
            }
        }
    }
}
