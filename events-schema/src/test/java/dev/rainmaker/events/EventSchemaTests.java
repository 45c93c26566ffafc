package dev.rainmaker.events;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventSchemaTests {

    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    static List<RainmakerEvent> events() {
        return SampleEvents.oneOfEach();
    }

    @ParameterizedTest
    @MethodSource("events")
    void everyEventSerialisesToJsonItsSchemaAcceptsAndReadsBackEqual(RainmakerEvent event) {
        EventType type = EventType.of(event);
        String json = EventJson.write(event);

        assertThat(errors(type, json))
                .as("%s against %s", json, type.schemaResource())
                .isEmpty();
        assertThat(EventJson.read(json, type.recordType())).isEqualTo(event);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyEventTypeHasASchemaAndADeadLetterTopic(EventType type) {
        assertThat(EventSchemaTests.class.getResource(type.schemaResource())).isNotNull();
        assertThat(type.deadLetterTopic()).isEqualTo(type.topic() + ".dlq");
        assertThat(events()).extracting(EventType::of).contains(type);
    }

    @Test
    void topicNamesAreDistinctAndNamespaced() {
        assertThat(Arrays.stream(EventType.values()).map(EventType::topic))
                .doesNotHaveDuplicates()
                .allMatch(topic -> topic.startsWith("rainmaker."));
    }

    @Test
    void customerIdIsTheSignupsCustomerIdOnEveryEvent() {
        assertThat(events()).extracting(RainmakerEvent::customerId).containsOnly("acme-42");
    }

    @Test
    void derivedCustomerIdIsNotWrittenTwice() {
        String json = EventJson.write(events().get(1));

        assertThat(json).containsOnlyOnce("customerId");
    }

    @Test
    void signupSchemaRejectsAMissingEmailAndAHostileUsername() {
        String noEmail = """
                {"customerId":"c1","plan":"starter","timezone":"UTC","adminUsers":[]}""";
        String hostileUser = """
                {"customerId":"c1","email":"a@b.example","plan":"starter","timezone":"UTC",
                 "adminUsers":[{"username":"x; rm -rf /","publicKey":"ssh-ed25519 AAAA"}]}""";

        assertThat(errors(EventType.SIGNUP_RECEIVED, noEmail))
                .extracting(Error::toString)
                .anyMatch(message -> message.contains("email"));
        assertThat(errors(EventType.SIGNUP_RECEIVED, hostileUser))
                .extracting(Error::toString)
                .anyMatch(message -> message.contains("username"));
    }

    @Test
    void aRejectedSignupFailsWithoutSignupOrDropletAndItsTimeIsWrittenAsText() {
        ProvisioningFailed failed = new ProvisioningFailed(
                "acme-43",
                null,
                ProvisioningStage.VALIDATING_SIGNUP,
                "email is missing",
                1,
                null,
                Instant.parse("2026-11-25T03:00:00Z"));
        String json = EventJson.write(failed);

        assertThat(errors(EventType.PROVISIONING_FAILED, json)).as(json).isEmpty();
        assertThat(json).contains("\"failedAt\":\"2026-11-25T03:00:00Z\"");
        assertThat(EventJson.read(json, ProvisioningFailed.class)).isEqualTo(failed);
        assertThat(ProvisioningStage.VALIDATING_SIGNUP.words()).isEqualTo("validating the sign-up");
    }

    @Test
    void readingSomethingThatIsNotJsonSaysSo() {
        assertThatThrownBy(() -> EventJson.read("not json at all", SignupReceived.class))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageStartingWith("the SignupReceived event is not valid JSON");
        assertThatThrownBy(() -> EventJson.read("  ", SignupReceived.class))
                .isInstanceOf(InvalidEventException.class)
                .hasMessage("the SignupReceived event is empty");
    }

    private static List<Error> errors(EventType type, String json) {
        Schema schema = SCHEMAS.getSchema(
                SchemaLocation.of("classpath:" + type.schemaResource().substring(1)));
        return schema.validate(json, InputFormat.JSON);
    }
}
