package dev.rainmaker.api.service;

import dev.rainmaker.api.domain.PastSignup;
import dev.rainmaker.events.SignupReceived;

/** Where an accepted sign-up goes: the sign-up topic, with who sent it. */
public interface SignupTopic {

    /**
     * Publishes the sign-up and returns once Kafka has acknowledged it.
     *
     * @throws DoorUnavailableException when Kafka does not acknowledge it in time
     */
    void publish(SignupReceived signup, PastSignup sender);
}
