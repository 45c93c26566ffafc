package dev.rainmaker.status.service;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.rainmaker.events.AdminUser;
import dev.rainmaker.events.Droplet;
import dev.rainmaker.events.DropletActive;
import dev.rainmaker.events.EventJson;
import dev.rainmaker.events.EventType;
import dev.rainmaker.events.RainmakerEvent;
import dev.rainmaker.events.SignupReceived;
import dev.rainmaker.status.domain.CustomerStatus;
import dev.rainmaker.status.domain.ObservedRecord;
import dev.rainmaker.status.domain.Stage;
import dev.rainmaker.status.domain.State;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CustomerFoldTests {

    private static final Instant T0 = Instant.parse("2026-12-05T03:00:00Z");
    private static final SignupReceived SIGNUP = new SignupReceived(
            "c1", "c1@acme.example", "Ada", "starter", "UTC", List.of(new AdminUser("ada", "ssh-ed25519 AAAA")));
    private static final Droplet DROPLET =
            new Droplet(9, "rm-c1", "10.0.0.9", "fra1", "debian-12-x64", "s-1vcpu-1gb", "SHA256:x");

    @Test
    void theSameRecordTwiceChangesNothingTheSecondTime() {
        Observation signup = observe(event(SIGNUP, 0, T0));
        CustomerStatus once = CustomerFold.apply(null, signup).orElseThrow();

        assertThat(CustomerFold.apply(once, signup)).isEmpty();
        assertThat(once.timeline()).hasSize(1);
    }

    @Test
    void anOlderEventJoinsTheTimelineInOrderWithoutMovingTheStateBack() {
        CustomerStatus active = CustomerFold.apply(
                        null, observe(event(new DropletActive(SIGNUP, DROPLET), 0, T0.plusSeconds(60))))
                .orElseThrow();
        CustomerStatus late =
                CustomerFold.apply(active, observe(event(SIGNUP, 0, T0))).orElseThrow();

        assertThat(late.state()).isEqualTo(State.IN_FLIGHT);
        assertThat(late.stage()).isEqualTo(Stage.HARDENING);
        assertThat(late.since()).isEqualTo(T0.plusSeconds(60));
        assertThat(late.timeline())
                .extracting(entry -> entry.type())
                .containsExactly("SignupReceived", "DropletActive");
        assertThat(late.droplet().ip()).isEqualTo("10.0.0.9");
    }

    @Test
    void aDeadLetterWithoutRainmakerHeadersFailsTheCustomerAtTheStageThatReadsItsTopic() {
        ObservedRecord letter = new ObservedRecord(
                EventType.DROPLET_ACTIVE.deadLetterTopic(),
                1,
                4,
                T0,
                "c1",
                EventJson.write(new DropletActive(SIGNUP, DROPLET)),
                Map.of("dead-letter-reason", "boom"));

        CustomerStatus failed = CustomerFold.apply(null, observe(letter)).orElseThrow();

        assertThat(failed.state()).isEqualTo(State.FAILED);
        assertThat(failed.failedStage()).isEqualTo(Stage.HARDENING);
        assertThat(failed.reason()).isEqualTo("boom");
        assertThat(failed.timeline().getFirst().summary()).isEqualTo("dead-lettered: boom");
    }

    @Test
    void aValueThatIsNotItsEventIsShownAsUnreadableAndChangesNoState() {
        ObservedRecord garbage =
                new ObservedRecord(EventType.SIGNUP_RECEIVED.topic(), 0, 7, T0, "c1", "not json", Map.of());

        CustomerStatus status = CustomerFold.apply(null, observe(garbage)).orElseThrow();

        assertThat(status.timeline().getFirst().summary()).startsWith("unreadable SignupReceived: ");
        assertThat(status.email()).isNull();
    }

    @Test
    void aRecordWithoutCustomerBelongsToNoTimeline() {
        assertThat(Observations.read(
                        new ObservedRecord(EventType.SIGNUP_RECEIVED.topic(), 0, 8, T0, null, "{}", Map.of())))
                .isEmpty();
    }

    private static ObservedRecord event(RainmakerEvent event, long offset, Instant at) {
        return new ObservedRecord(
                EventType.of(event).topic(),
                0,
                offset,
                at,
                event.customerId(),
                EventJson.write(event),
                Map.of("ce_type", EventType.of(event).cloudEventType()));
    }

    private static Observation observe(ObservedRecord record) {
        return Observations.read(record).orElseThrow();
    }
}
