package dev.rainmaker.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Why a stage gave up on a customer: {@code permanent} (it cannot succeed: bad input, a refused host key, a step that
 * fails its verification on a quiet host) or {@code budget-spent} (it kept failing as a slow or busy host does until
 * the stage's time budget was spent). Written in these words in the dead letter's {@code rainmaker-failure} header and
 * in {@link ProvisioningFailed#failure()}.
 */
public enum FailureKind {
    PERMANENT("permanent"),
    BUDGET_SPENT("budget-spent");

    private final String words;

    FailureKind(String words) {
        this.words = words;
    }

    @JsonValue
    public String words() {
        return words;
    }

    /** The kind these words name; anything else (or nothing, as in records older than this field) is permanent. */
    @JsonCreator
    public static FailureKind fromWords(String words) {
        return BUDGET_SPENT.words.equals(words) ? BUDGET_SPENT : PERMANENT;
    }

    /** The kind a failure says it is, along its cause chain ({@link KindOfFailure}); a failure that does not say is permanent. */
    public static FailureKind of(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof KindOfFailure kind) {
                return kind.failureKind();
            }
        }
        return PERMANENT;
    }
}
