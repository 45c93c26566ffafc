package dev.rainmaker.notifier.domain;

/** One failed customer as the ops digest lists it. Only what ops act on; nothing secret. */
public record FailureLine(
        String customerId, String stage, String reason, int attempts, String droplet, String failedAt) {}
