package dev.rainmaker.api.service;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.rainmaker.api.domain.CloudEvent;
import dev.rainmaker.api.domain.CustomerFailedData;
import dev.rainmaker.api.domain.CustomerReadyData;
import dev.rainmaker.api.domain.WebhookEvent;
import dev.rainmaker.events.CustomerReady;
import dev.rainmaker.events.InvalidEventException;
import dev.rainmaker.events.ProvisioningFailed;
import dev.rainmaker.events.ProvisioningStage;

/** The webhook events Rainmaker sends, as CloudEvents 1.0 JSON (structured mode). See docs/webhooks.md. */
public final class CloudEvents {

    public static final String READY = "customer.ready";
    public static final String FAILED = "customer.failed";
    static final String SOURCE = "/rainmaker";

    private static final ObjectMapper JSON = JsonMapper.builder()
            .findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private CloudEvents() {}

    /**
     * An id that names one record of the pipeline: a name-based UUID (v3) of its position, so the same record read
     * again (after a crash or a rebalance) is sent with the same id.
     */
    public static String idOf(String topic, int partition, long offset) {
        return UUID.nameUUIDFromBytes((topic + "/" + partition + "/" + offset).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    /** {@code time}: when the customer became ready (the record's time; the event has none of its own). */
    public static WebhookEvent ready(String id, Instant time, CustomerReady ready) {
        if (ready.signup() == null || ready.droplet() == null) {
            throw new InvalidEventException("the CustomerReady event has no sign-up or no droplet");
        }
        String customerId = required(ready.customerId(), "customerId");
        var data = new CustomerReadyData(
                customerId,
                ready.appUrl(),
                ready.droplet().publicIpv4(),
                ready.droplet().hostKeyFingerprint());
        return event(id, READY, customerId, time, data);
    }

    public static WebhookEvent failed(String id, ProvisioningFailed failed) {
        String customerId = required(failed.customerId(), "customerId");
        ProvisioningStage stage = failed.stage();
        if (stage == null) {
            throw new InvalidEventException("the ProvisioningFailed event names no stage");
        }
        var data = new CustomerFailedData(customerId, stageName(stage), CustomerFacingReasons.of(stage));
        return event(id, FAILED, customerId, failed.failedAt(), data);
    }

    /** {@code CREATING_DROPLET} as {@code creating-droplet}. */
    static String stageName(ProvisioningStage stage) {
        return stage.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static WebhookEvent event(String id, String type, String customerId, Instant time, Object data) {
        var event = new CloudEvent("1.0", id, SOURCE, type, customerId, time, "application/json", data);
        try {
            return new WebhookEvent(id, type, customerId, time, JSON.writeValueAsBytes(event));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the " + type + " CloudEvent as JSON", e);
        }
    }

    private static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidEventException("the event has no " + field);
        }
        return value;
    }
}
