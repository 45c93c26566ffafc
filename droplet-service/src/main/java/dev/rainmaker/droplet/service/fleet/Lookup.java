package dev.rainmaker.droplet.service.fleet;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.rainmaker.droplet.domain.RemoteDroplet;
import dev.rainmaker.droplet.service.DigitalOceanException;
import dev.rainmaker.droplet.service.PermanentFailure;
import dev.rainmaker.droplet.service.TransientFailuresExhausted;

/** A lookup by name waiting for its answer, and how many listings meant to answer it failed. */
final class Lookup {

    private final String name;
    private final Answer<Optional<RemoteDroplet>> answer = new Answer<>();
    private int failures;

    Lookup(String name) {
        this.name = name;
    }

    String name() {
        return name;
    }

    Answer<Optional<RemoteDroplet>> answer() {
        return answer;
    }

    /**
     * A listing meant to answer {@code answering} failed: for good when DigitalOcean refused it; transiently, each lookup
     * gives up with {@link TransientFailuresExhausted} once {@code maxAttempts} listings failed. Returns the lookups to
     * try again. Only the watcher's loop calls it.
     */
    static List<Lookup> listingFailed(List<Lookup> answering, DigitalOceanException e, int maxAttempts) {
        if (!e.isTransient()) {
            PermanentFailure failure = new PermanentFailure("looking up droplets failed: " + e.getMessage(), e);
            answering.forEach(lookup -> lookup.answer.fail(failure));
            return List.of();
        }
        List<Lookup> retrying = new ArrayList<>();
        for (Lookup lookup : answering) {
            if (++lookup.failures < maxAttempts) {
                retrying.add(lookup);
            } else {
                lookup.answer.fail(new TransientFailuresExhausted(
                        "looking up droplet " + lookup.name + " still failing after " + lookup.failures + " attempts: "
                                + e.getMessage(),
                        e));
            }
        }
        return retrying;
    }
}
