package dev.rainmaker.hostaccess;

import java.time.Duration;

import dev.rainmaker.events.AttemptCount;

/**
 * No SSH login to a host within the connect budget ({@code rainmaker.ssh.connect-budget}): every attempt failed as a
 * host that is still booting does (connection refused or dropped, no route, timeouts), and the budget is spent.
 */
public class HostUnreachable extends RuntimeException implements AttemptCount {

    private final int attempts;

    public HostUnreachable(String host, Duration budget, int attempts, String lastFailure) {
        super("could not reach " + host + " over SSH within " + budget + " (" + attempts + " attempts; last: "
                + lastFailure + ")");
        this.attempts = attempts;
    }

    /** Given up on before the budget was spent: the thread was interrupted (the service is stopping). */
    public HostUnreachable(String host, int attempts) {
        super("interrupted while waiting to reconnect to " + host + " over SSH (" + attempts + " attempts)");
        this.attempts = attempts;
    }

    @Override
    public int attempts() {
        return attempts;
    }
}
