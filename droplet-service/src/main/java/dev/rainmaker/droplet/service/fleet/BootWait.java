package dev.rainmaker.droplet.service.fleet;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import dev.rainmaker.droplet.domain.RemoteDroplet;
import dev.rainmaker.droplet.service.PermanentFailure;

/** One droplet waited for until active, judged at each listing: active, still booting, overdue or gone. */
final class BootWait {

    private final RemoteDroplet droplet;
    private final Instant deadline;
    private final Duration budget;
    private final Duration notFoundGrace;
    private final Answer<RemoteDroplet> answer = new Answer<>();
    private Instant lastSeen;
    private String lastStatus;

    /** {@code deadline}: when {@code budget}, counted from the customer's request, is spent. */
    BootWait(RemoteDroplet droplet, Instant start, Instant deadline, Duration budget, Duration notFoundGrace) {
        this.droplet = droplet;
        this.deadline = deadline;
        this.budget = budget;
        this.notFoundGrace = notFoundGrace;
        this.lastSeen = start;
        this.lastStatus = droplet.status();
    }

    RemoteDroplet droplet() {
        return droplet;
    }

    Answer<RemoteDroplet> answer() {
        return answer;
    }

    /** A listing showed the droplet as {@code listed}, or did not show it at all. */
    void listed(Optional<RemoteDroplet> listed, Instant now) {
        if (listed.isPresent()) {
            lastSeen = now;
            lastStatus = listed.get().status();
            if (listed.get().activeWithAddress()) {
                answer.give(listed.get());
                return;
            }
        } else if (Duration.between(lastSeen, now).compareTo(notFoundGrace) > 0) {
            answer.fail(new DropletGone("droplet " + droplet.id() + " (" + droplet.name()
                    + ") is no longer listed by DigitalOcean (missing for more than " + notFoundGrace
                    + ", rainmaker.droplet.not-found-grace): it was destroyed while booting"));
            return;
        }
        checkDeadline(now);
    }

    void checkDeadline(Instant now) {
        if (now.isAfter(deadline)) {
            answer.fail(new PermanentFailure("droplet " + droplet.id() + " (" + droplet.name()
                    + ") is still '" + lastStatus + "' after " + budget
                    + " (rainmaker.droplet.boot-timeout); giving up on it"));
        }
    }
}
