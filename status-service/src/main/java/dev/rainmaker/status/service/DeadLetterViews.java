package dev.rainmaker.status.service;

import dev.rainmaker.deadletters.DeadLetter;
import dev.rainmaker.events.EventType;
import dev.rainmaker.status.domain.DeadLetterView;
import dev.rainmaker.status.domain.Stage;

/** A dead letter of the dead-letters library as the API shows it, its stage named as everywhere in the API. */
public final class DeadLetterViews {

    private DeadLetterViews() {}

    public static DeadLetterView of(DeadLetter letter, boolean replayed) {
        Stage stage = PipelineStages.ofWords(letter.stage());
        if (stage == null) {
            EventType type = PipelineStages.typeOfTopic(letter.deadLetterTopic());
            stage = type == null ? null : PipelineStages.readerOf(type);
        }
        return new DeadLetterView(
                letter.deadLetterTopic(),
                letter.position().partition(),
                letter.position().offset(),
                letter.originalTopic(),
                letter.customerId(),
                stage,
                letter.reason(),
                letter.attempts(),
                letter.failure(),
                letter.deadAt(),
                replayed);
    }
}
