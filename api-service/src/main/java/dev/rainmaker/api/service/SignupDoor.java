package dev.rainmaker.api.service;

import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import jakarta.enterprise.context.ApplicationScoped;

import dev.rainmaker.api.config.ApiConfig;
import dev.rainmaker.api.domain.PastSignup;
import dev.rainmaker.events.EventJson;
import dev.rainmaker.events.InvalidEventException;
import dev.rainmaker.events.SignupReceived;
import dev.rainmaker.events.signup.SignupProblem;
import dev.rainmaker.events.signup.SignupRules;

/**
 * {@code POST /v1/customers}: checks a sign-up with the rules droplet-service applies, and publishes it once. A request
 * is identified by its idempotency key (the customer id when it has none) and compared by the digest of its JSON as
 * published: the same request again is answered as before and publishes nothing; another request under a used key or
 * for a known customer is a conflict. What the topic holds decides, read up to its end before anything is published.
 */
@ApplicationScoped
public class SignupDoor {

    private final SignupRules rules;
    private final SignupHistory history;
    private final SignupTopic topic;
    private final DoorMetrics metrics;
    /** Sign-ups being published by this instance, by customer: a concurrent twin waits for the first to finish. */
    private final ConcurrentMap<String, Object> publishing = new ConcurrentHashMap<>();

    public SignupDoor(ApiConfig config, SignupHistory history, SignupTopic topic, DoorMetrics metrics) {
        this.rules = new SignupRules(config.plans());
        this.history = history;
        this.topic = topic;
        this.metrics = metrics;
    }

    public SignupOutcome signUp(String app, Optional<String> idempotencyKey, String json) {
        SignupReceived signup;
        try {
            signup = EventJson.read(json, SignupReceived.class);
        } catch (InvalidEventException e) {
            return new SignupOutcome.Malformed(e.getMessage());
        }
        List<SignupProblem> problems = rules.problems(signup);
        if (!problems.isEmpty()) {
            return new SignupOutcome.Invalid(problems);
        }
        String published = EventJson.write(signup);
        var request = new PastSignup(
                signup.customerId(),
                app,
                idempotencyKey.orElse(signup.customerId()),
                HexFormat.of().formatHex(TokenHashes.sha256(published)));
        Object lock = publishing.computeIfAbsent(signup.customerId(), id -> new Object());
        synchronized (lock) {
            try {
                return acceptOnce(signup, request);
            } finally {
                publishing.remove(signup.customerId(), lock);
            }
        }
    }

    private SignupOutcome acceptOnce(SignupReceived signup, PastSignup request) {
        Optional<SignupOutcome> known = asBefore(request);
        if (known.isEmpty()) {
            metrics.timeReadToEnd(history::catchUp);
            known = asBefore(request);
        }
        if (known.isPresent()) {
            return known.get();
        }
        metrics.timePublish(() -> topic.publish(signup, request));
        history.remember(request);
        return new SignupOutcome.Accepted(signup.customerId(), false);
    }

    /** The answer the topic already holds for this request: the same request's, or a conflict. */
    private Optional<SignupOutcome> asBefore(PastSignup request) {
        Optional<PastSignup> underKey = history.byKey(request.app(), request.idempotencyKey());
        if (underKey.isPresent()) {
            return Optional.of(
                    sameRequest(underKey.get(), request)
                            ? new SignupOutcome.Accepted(underKey.get().customerId(), true)
                            : new SignupOutcome.Conflict("the Idempotency-Key '" + request.idempotencyKey()
                                    + "' was used for another request; send a new key for a new request"));
        }
        return history.byCustomer(request.customerId())
                .map(earlier -> sameRequest(earlier, request)
                        ? new SignupOutcome.Accepted(earlier.customerId(), true)
                        : new SignupOutcome.Conflict("customer '" + request.customerId() + "' is already signed up"));
    }

    private static boolean sameRequest(PastSignup earlier, PastSignup request) {
        return request.app().equals(earlier.app())
                && request.customerId().equals(earlier.customerId())
                && request.requestSha256().equals(earlier.requestSha256());
    }
}
