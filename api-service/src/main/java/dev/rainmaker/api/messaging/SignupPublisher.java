package dev.rainmaker.api.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import jakarta.enterprise.context.ApplicationScoped;

import dev.rainmaker.api.config.ApiConfig;
import dev.rainmaker.api.domain.PastSignup;
import dev.rainmaker.api.service.DoorUnavailableException;
import dev.rainmaker.api.service.SignupTopic;
import dev.rainmaker.events.SignupReceived;
import dev.rainmaker.messaging.EventMessages;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Publishes accepted sign-ups as droplet-service reads them, with headers naming the app, its key and the digest. */
@ApplicationScoped
public class SignupPublisher implements SignupTopic {

    private final Emitter<String> signups;
    private final EventMessages messages;
    private final Duration timeout;

    SignupPublisher(@Channel("signups-out") Emitter<String> signups, EventMessages messages, ApiConfig config) {
        this.signups = signups;
        this.messages = messages;
        this.timeout = config.signups().publishTimeout();
    }

    @Override
    public void publish(SignupReceived signup, PastSignup sender) {
        CompletableFuture<Void> acknowledged = new CompletableFuture<>();
        Message<String> message = withSender(messages.of(signup), sender)
                .withAck(() -> {
                    acknowledged.complete(null);
                    return acknowledged;
                })
                .withNack(failure -> {
                    acknowledged.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                });
        try {
            signups.send(message);
            acknowledged.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException | IllegalStateException e) {
            throw new DoorUnavailableException("Kafka did not acknowledge the sign-up in time; retry the same request");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DoorUnavailableException("interrupted while publishing the sign-up; retry the same request");
        }
    }

    private static Message<String> withSender(Message<String> message, PastSignup sender) {
        OutgoingKafkaRecordMetadata<?> kafka =
                message.getMetadata(OutgoingKafkaRecordMetadata.class).orElseThrow();
        RecordHeaders headers = new RecordHeaders();
        headers.add(SignupHeaders.APP, bytes(sender.app()));
        headers.add(SignupHeaders.IDEMPOTENCY_KEY, bytes(sender.idempotencyKey()));
        headers.add(SignupHeaders.REQUEST_SHA256, bytes(sender.requestSha256()));
        return message.addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withKey((String) kafka.getKey())
                .withHeaders(headers)
                .build());
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
