package dev.rainmaker.bootstrap.domain;

/** What a step did on a host: nothing, because it was already satisfied, or its change, verified afterwards. */
public enum StepOutcome {
    SKIPPED,
    APPLIED
}
