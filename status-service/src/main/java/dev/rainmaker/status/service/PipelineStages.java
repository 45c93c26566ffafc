package dev.rainmaker.status.service;

import dev.rainmaker.events.EventType;
import dev.rainmaker.events.ProvisioningStage;
import dev.rainmaker.status.domain.Stage;

/** How the pipeline's topics and failure stages map onto the stages the view shows. */
final class PipelineStages {

    private PipelineStages() {}

    /**
     * The stage a customer waits in once an event of this type was seen, which is also the stage that reads the type's
     * topic (and dead-letters from it); {@code null} for a type no stage reads.
     */
    static Stage readerOf(EventType type) {
        return switch (type) {
            case SIGNUP_RECEIVED, DROPLET_REQUESTED -> Stage.DROPLET;
            case DROPLET_ACTIVE -> Stage.HARDENING;
            case HOST_HARDENED -> Stage.STACK;
            case STACK_INSTALLED -> Stage.EMAIL;
            case CUSTOMER_READY, PROVISIONING_FAILED, DROPLET_TORN_DOWN -> null;
        };
    }

    static Stage of(ProvisioningStage stage) {
        return switch (stage) {
            case VALIDATING_SIGNUP, CREATING_DROPLET -> Stage.DROPLET;
            case HARDENING_HOST -> Stage.HARDENING;
            case INSTALLING_STACK -> Stage.STACK;
            case EMAILING_CUSTOMER -> Stage.EMAIL;
        };
    }

    /** The stage named in words (a dead letter's {@code rainmaker-stage} header), or {@code null}. */
    static Stage ofWords(String words) {
        for (ProvisioningStage stage : ProvisioningStage.values()) {
            if (stage.words().equals(words)) {
                return of(stage);
            }
        }
        return null;
    }

    /** The event type whose topic or dead-letter topic this is, or {@code null}. */
    static EventType typeOfTopic(String topic) {
        for (EventType type : EventType.values()) {
            if (type.topic().equals(topic) || type.deadLetterTopic().equals(topic)) {
                return type;
            }
        }
        return null;
    }
}
