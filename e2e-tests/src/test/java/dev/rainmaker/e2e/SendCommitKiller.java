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
 * so at most every {@link #PAUSE}, up to {@link #MAX_TRIES} times, and stops once such a kill is proven. Every email's
 * time and sending process are kept as the evidence: a notifier kill is proven between send and commit when that
 * process had emailed a customer before the kill and the customer was emailed again after it (the record was read
 * again, so its commit had not happened), whichever kill it was (this one's, or the monkey's round robin).
 */
final class SendCommitKiller {

    static final Duration PAUSE = Duration.ofSeconds(15);
    static final int MAX_TRIES = 8;

    /** An email as the mail server took it: to whom, when, and the notifier process that sent it (0: not found). */
    record Email(String recipient, Instant at, long senderPid, String sender) {}

    /** A notifier kill with the email sent before it and the one sent again after it. */
    record Proof(ChaosMonkey.Kill kill, Email before, Email after) {}

    private final ChaosMonkey monkey;
    private final Map<String, List<Email>> emails = new ConcurrentHashMap<>();
    private final List<ChaosMonkey.Kill> mailKills = new CopyOnWriteArrayList<>();
    private volatile Instant lastTry = Instant.EPOCH;

    SendCommitKiller(ChaosMonkey monkey) {
        this.monkey = monkey;
    }

    /** For {@link SmtpServer#onDelivery}: on the mail server's connection thread, while the sender's connection is open. */
    void taken(SmtpServer.Delivery delivery) {
        Instant now = Instant.now();
        Map<Long, String> notifiers = monkey.pidsOf("notifier-service");
        Optional<Long> sender = delivery.clientPort() < 0
                ? Optional.empty()
                : SocketOwner.of(delivery.clientPort(), notifiers.keySet());
        Email email = new Email(
                delivery.recipient(),
                now,
                sender.orElse(0L),
                sender.map(notifiers::get).orElse("?"));
        emails.computeIfAbsent(email.recipient(), r -> new CopyOnWriteArrayList<>())
                .add(email);
        if (sender.isEmpty()
                || mailKills.size() >= MAX_TRIES
                || now.isBefore(lastTry.plus(PAUSE))
                || !proven(mailKills).isEmpty()) {
            return;
        }
        lastTry = now;
        Thread.ofVirtual()
                .start(() -> monkey.killNow(
                                email.sender(),
                                email.senderPid(),
                                "right after the mail server took its email to " + email.recipient())
                        .ifPresent(mailKills::add));
    }

    /** The kills made right after an email. */
    List<ChaosMonkey.Kill> mailKills() {
        return List.copyOf(mailKills);
    }

    /** Of these notifier kills, those proven between sending an email and committing. */
    List<Proof> proven(List<ChaosMonkey.Kill> kills) {
        return kills.stream()
                .filter(kill -> kill.service().equals("notifier-service"))
                .flatMap(kill -> emails.values().stream()
                        .flatMap(toOne -> proofOf(kill, toOne).stream())
                        .limit(1))
                .toList();
    }

    private static Optional<Proof> proofOf(ChaosMonkey.Kill kill, List<Email> toOneRecipient) {
        Optional<Email> before = toOneRecipient.stream()
                .filter(e -> e.senderPid() == kill.pid() && !e.at().isAfter(kill.at()))
                .reduce((first, second) -> second);
        Optional<Email> after =
                toOneRecipient.stream().filter(e -> e.at().isAfter(kill.at())).findFirst();
        return before.isPresent() && after.isPresent()
                ? Optional.of(new Proof(kill, before.get(), after.get()))
                : Optional.empty();
    }

    List<Email> emailsTo(String recipient) {
        return List.copyOf(emails.getOrDefault(recipient, List.of()));
    }
}
