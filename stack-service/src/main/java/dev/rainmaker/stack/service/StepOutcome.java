package dev.rainmaker.stack.service;

/** What running a step did to the host. */
public enum StepOutcome {
    /** The check passed at once: nothing changed. */
    SKIPPED,
    /** The check failed, the change ran, and the check passed afterwards. */
    APPLIED
}
