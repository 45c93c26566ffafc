package dev.rainmaker.hostaccess.resume;

import java.time.Duration;

import dev.rainmaker.hostaccess.StageBudgetSpent;
import dev.rainmaker.hostaccess.ssh.Backoff;

/** One stage on one host while it runs: its budget, what reached the host, and what was last seen of it. */
final class StageRun {

    final String stage;
    final String host;
    final Duration budgetTotal;
    final Backoff budget;
    final ReachedShells shells;
    private final long started = System.nanoTime();
    int resumptions;
    RuntimeException lastCause;
    String lastSeen = "busy with nothing the stage could see";

    StageRun(String stage, String host, Duration budgetTotal, Backoff budget, ReachedShells shells) {
        this.stage = stage;
        this.host = host;
        this.budgetTotal = budgetTotal;
        this.budget = budget;
        this.shells = shells;
    }

    Duration ran() {
        return Duration.ofNanos(System.nanoTime() - started);
    }

    StageBudgetSpent spent() {
        return new StageBudgetSpent(stage, host, budgetTotal, ran(), resumptions, lastSeen, lastCause);
    }

    /** Sleeps {@code wait}, or what is left of the budget if less; when nothing is left, the budget is spent. */
    void pause(Duration wait) {
        Duration left = budget.remaining();
        if (left.isZero()) {
            throw spent();
        }
        try {
            Thread.sleep(wait.compareTo(left) < 0 ? wait : left);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the " + stage + " stage waited for " + host, e);
        }
    }
}
