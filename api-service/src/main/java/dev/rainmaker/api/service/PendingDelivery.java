package dev.rainmaker.api.service;

import java.time.Instant;

import dev.rainmaker.api.domain.WebhookEvent;

/** One event on its way to an app: the attempts made so far and when the next is due. */
public final class PendingDelivery {

    private final WebhookEvent event;
    private Instant firstAttempt;
    private Instant nextAttempt;
    private int attempts;
    private String lastFailure;

    public PendingDelivery(WebhookEvent event, Instant now) {
        this.event = event;
        this.nextAttempt = now;
    }

    public WebhookEvent event() {
        return event;
    }

    /** Null until the first attempt. */
    public Instant firstAttempt() {
        return firstAttempt;
    }

    public Instant nextAttempt() {
        return nextAttempt;
    }

    public int attempts() {
        return attempts;
    }

    public String lastFailure() {
        return lastFailure;
    }

    void attempted(Instant at) {
        if (firstAttempt == null) {
            firstAttempt = at;
        }
        attempts++;
    }

    void failed(String failure, Instant next) {
        lastFailure = failure;
        nextAttempt = next;
    }
}
