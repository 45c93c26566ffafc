package dev.rainmaker.hostaccess.resume;

import java.util.Optional;

import dev.rainmaker.hostaccess.CommandTimedOut;
import dev.rainmaker.hostaccess.ConnectionLost;
import dev.rainmaker.hostaccess.HostUnreachable;
import dev.rainmaker.hostaccess.StageBudgetSpent;

/**
 * The failures of a slow host, not a failed one, as the metric's {@code cause}: a command that outlived its timeout (it
 * may still run), a session that broke, a host that stopped answering after the stage had reached it. A host never
 * reached in this stage is not transient here: its login already had the connect budget.
 */
final class TransientCause {

    private TransientCause() {}

    static Optional<String> of(Throwable failure, boolean hostReached) {
        if (failure instanceof StageBudgetSpent) {
            return Optional.empty();
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof CommandTimedOut) {
                return Optional.of("command-timed-out");
            }
            if (cause instanceof ConnectionLost) {
                return Optional.of("connection-lost");
            }
            if (cause instanceof HostUnreachable && hostReached) {
                return Optional.of("host-unreachable");
            }
        }
        return Optional.empty();
    }
}
