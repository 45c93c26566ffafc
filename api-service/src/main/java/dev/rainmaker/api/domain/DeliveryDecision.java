package dev.rainmaker.api.domain;

import java.time.Instant;

/** What follows an attempt: done, another attempt at a given time, or the dead-letter topic. */
public sealed interface DeliveryDecision {

    record Delivered() implements DeliveryDecision {}

    record RetryAt(Instant next, String failure) implements DeliveryDecision {}

    record GiveUp(String failure) implements DeliveryDecision {}
}
