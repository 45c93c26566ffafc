package dev.rainmaker.status.messaging;

import java.util.HashMap;
import java.util.Map;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import dev.rainmaker.deadletters.DeadLetters;
import io.smallrye.common.annotation.Identifier;

/** The pipeline's dead letters, on the same Kafka cluster (and with the same client settings) as the view. */
@ApplicationScoped
public class DeadLetterSource {

    @Produces
    @ApplicationScoped
    DeadLetters deadLetters(@Identifier("default-kafka-broker") Map<String, Object> kafka) {
        return new DeadLetters(new HashMap<>(kafka));
    }
}
