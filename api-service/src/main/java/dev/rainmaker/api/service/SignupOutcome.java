package dev.rainmaker.api.service;

import java.util.List;

import dev.rainmaker.events.signup.SignupProblem;

/** What became of a sign-up at the door. */
public sealed interface SignupOutcome {

    /** On the topic, acknowledged: just now, or by an earlier try of the same request. */
    record Accepted(String customerId, boolean replayed) implements SignupOutcome {}

    /** Not JSON of a sign-up's shape. */
    record Malformed(String why) implements SignupOutcome {}

    /** JSON of the right shape that breaks the rules: every field that does. */
    record Invalid(List<SignupProblem> problems) implements SignupOutcome {}

    /** The key or the customer id was used before, for another request. */
    record Conflict(String detail) implements SignupOutcome {}
}
