package dev.rainmaker.localcloud.hosts;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A host's commands that take long: for each command-line prefix, how long a matching command runs (or that it never
 * ends) and how many of the next matching commands do. Such a command is a process on the host while it runs, and its
 * change to the host happens when it ends, whether the client still waits or has given up.
 */
final class SlowCommands {

    /** A matching command runs this long; empty: it never ends. */
    record Slow(String commandPrefix, Optional<Duration> runsFor, AtomicInteger remaining) {

        boolean matches(String command) {
            return command.startsWith(commandPrefix) && remaining.get() != 0;
        }

        /** Takes one run; a negative count never runs out. */
        boolean take() {
            return remaining.getAndUpdate(n -> n > 0 ? n - 1 : n) != 0;
        }
    }

    private final List<Slow> slow = new CopyOnWriteArrayList<>();

    /** The next matching command runs for {@code runsFor}, then completes; those after it answer as usual. */
    void outliveOnce(String commandPrefix, Duration runsFor) {
        slow.add(new Slow(commandPrefix, Optional.of(runsFor), new AtomicInteger(1)));
    }

    /** Every matching command from now on starts and never ends. */
    void hangForever(String commandPrefix) {
        slow.add(new Slow(commandPrefix, Optional.empty(), new AtomicInteger(-1)));
    }

    /** The slow run {@code command} gets, if one is set for it (and taken by it). */
    Optional<Slow> take(String command) {
        return slow.stream().filter(s -> s.matches(command)).filter(Slow::take).findFirst();
    }
}
