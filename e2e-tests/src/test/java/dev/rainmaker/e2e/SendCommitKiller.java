package dev.rainmaker.e2e;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.rainmaker.localcloud.smtp.SmtpServer;

/**
 * Kills a notifier between sending an email and committing: when the mail server takes an email, the notifier process
 * holding that SMTP connection is SIGKILLed at once, before it can publish {@code CustomerReady} and commit. It does
 * so at most every {@link #PAUSE}, and stops once one such kill is proven: the same customer was emailed again after
 * the kill (the record was read again, so the commit had not happened). Every delivery's time is kept as evidence.
 */
final class SendCommitKiller {

    static final Duration PAUSE = Duration.ofSeconds(15);
    static final int MAX_TRIES = 8;

    /** A kill right after the mail server took an email to {@code recipient}. */
    record MailKill(String recipient, Instant emailed, ChaosMonkey.Kill kill) {}

    private final ChaosMonkey monkey;
    private final Map<String, List<Instant>> deliveries = new ConcurrentHashMap<>();
    private final List<MailKill> mailKills = new CopyOnWriteArrayList<>();
    private volatile Instant lastTry = Instant.EPOCH;

    SendCommitKiller(ChaosMonkey monkey) {
        this.monkey = monkey;
    }

    /** For {@link SmtpServer#onDelivery}: runs on the mail server's connection thread, so it decides and leaves. */
    void taken(SmtpServer.Delivery delivery) {
        Instant now = Instant.now();
        deliveries
                .computeIfAbsent(delivery.recipient(), r -> new CopyOnWriteArrayList<>())
                .add(now);
        if (!proven().isEmpty()
                || mailKills.size() >= MAX_TRIES
                || now.isBefore(lastTry.plus(PAUSE))
                || delivery.clientPort() < 0) {
            return;
        }
        lastTry = now;
        Thread.ofVirtual().start(() -> killSender(delivery, now));
    }

    private void killSender(SmtpServer.Delivery delivery, Instant emailed) {
        Map<Long, String> notifiers = monkey.pidsOf("notifier-service");
        Optional<Long> sender = SocketOwner.of(delivery.clientPort(), notifiers.keySet());
        sender.flatMap(pid -> monkey.killNow(
                        notifiers.get(pid),
                        pid,
                        "right after the mail server took its email to " + delivery.recipient()))
                .ifPresent(kill -> mailKills.add(new MailKill(delivery.recipient(), emailed, kill)));
    }

    List<MailKill> mailKills() {
        return List.copyOf(mailKills);
    }

    /** Mail kills after which the same recipient was emailed again: the notifier died before its commit. */
    List<MailKill> proven() {
        return mailKills.stream()
                .filter(m -> deliveriesTo(m.recipient()).stream()
                        .anyMatch(at -> at.isAfter(m.kill().at())))
                .toList();
    }

    List<Instant> deliveriesTo(String recipient) {
        return List.copyOf(deliveries.getOrDefault(recipient, List.of()));
    }
}
