package dev.rainmaker.status.console;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.rainmaker.events.AdminUser;
import dev.rainmaker.events.Droplet;
import dev.rainmaker.events.DropletActive;
import dev.rainmaker.events.EventJson;
import dev.rainmaker.events.EventType;
import dev.rainmaker.events.HostHardened;
import dev.rainmaker.events.ProvisioningFailed;
import dev.rainmaker.events.ProvisioningStage;
import dev.rainmaker.events.RainmakerEvent;
import dev.rainmaker.events.SignupReceived;
import dev.rainmaker.events.StackInstalled;
import dev.rainmaker.localcloud.kafka.TopicClient;

/** Publishes to the real broker what the pipeline's services publish, with their CloudEvents and dead-letter headers. */
final class Pipeline {

    private final TopicClient kafka;

    Pipeline(TopicClient kafka) {
        this.kafka = kafka;
    }

    static SignupReceived signup(String customerId, String email, String contactName) {
        return new SignupReceived(
                customerId,
                email,
                contactName,
                "starter",
                "Europe/Berlin",
                List.of(new AdminUser("ada", "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKq ada@laptop")));
    }

    static Droplet droplet(SignupReceived signup, long id) {
        return new Droplet(
                id,
                "rm-" + signup.customerId(),
                "127.10.0." + (id % 250 + 1),
                "fra1",
                "debian-12-x64",
                "s-1vcpu-1gb",
                "SHA256:uNiVztksCsDhcc0u9e8BujQXVUpKZIDTMczCvj3tD2s");
    }

    SignupReceived signedUp(SignupReceived signup) {
        publish(EventType.SIGNUP_RECEIVED, signup, "rainmaker/saas-app");
        return signup;
    }

    DropletActive dropletActive(SignupReceived signup, long dropletId) {
        DropletActive active = new DropletActive(signup, droplet(signup, dropletId));
        publish(EventType.DROPLET_ACTIVE, active, "rainmaker/droplet-service");
        return active;
    }

    HostHardened hostHardened(DropletActive active) {
        HostHardened hardened = new HostHardened(active.signup(), active.droplet(), List.of("ssh", "firewall"));
        publish(EventType.HOST_HARDENED, hardened, "rainmaker/bootstrap-service");
        return hardened;
    }

    StackInstalled stackInstalled(HostHardened hardened) {
        StackInstalled stack = new StackInstalled(
                hardened.signup(),
                hardened.droplet(),
                Map.of("nginx", "1.22.1", "mariadb", "10.11.6"),
                "http://" + hardened.droplet().publicIpv4() + "/");
        publish(EventType.STACK_INSTALLED, stack, "rainmaker/stack-service");
        return stack;
    }

    void failed(SignupReceived signup, ProvisioningStage stage, String reason) {
        publish(
                EventType.PROVISIONING_FAILED,
                new ProvisioningFailed(signup.customerId(), signup, stage, reason, 3, null, Instant.now()),
                "rainmaker/bootstrap-service");
    }

    /** As SmallRye's dead-letter strategy writes a record a stage gave up on, with Rainmaker's headers. */
    void deadLettered(EventType type, RainmakerEvent event, ProvisioningStage stage, String reason, int attempts) {
        kafka.publish(
                type.deadLetterTopic(),
                event.customerId(),
                EventJson.write(event),
                Map.of(
                        "dead-letter-reason",
                        reason,
                        "dead-letter-topic",
                        type.topic(),
                        "rainmaker-stage",
                        stage.words(),
                        "rainmaker-reason",
                        reason,
                        "rainmaker-attempts",
                        String.valueOf(attempts),
                        "rainmaker-failure",
                        "permanent"));
    }

    private void publish(EventType type, RainmakerEvent event, String source) {
        kafka.publish(
                type.topic(),
                event.customerId(),
                EventJson.write(event),
                Map.of(
                        "ce_specversion", "1.0",
                        "ce_id", UUID.randomUUID().toString(),
                        "ce_type", type.cloudEventType(),
                        "ce_source", source,
                        "ce_subject", event.customerId(),
                        "ce_time", Instant.now().toString()));
    }
}
