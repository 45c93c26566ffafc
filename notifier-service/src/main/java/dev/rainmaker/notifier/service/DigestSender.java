package dev.rainmaker.notifier.service;

import java.util.List;

import dev.rainmaker.notifier.domain.FailureLine;

/** Sends one digest of failed provisionings to ops; returns once the mail server took it, or throws. */
public interface DigestSender {

    void send(List<FailureLine> failures);
}
