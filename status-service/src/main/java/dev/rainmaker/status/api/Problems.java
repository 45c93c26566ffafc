package dev.rainmaker.status.api;

import dev.rainmaker.problems.Problem;
import dev.rainmaker.problems.ProblemException;

/** The console API's refusals of what was asked. */
final class Problems {

    private Problems() {}

    static ProblemException unknownCustomer(String customerId) {
        return new ProblemException(
                Problem.of("unknown-customer", "Unknown customer", 404, "no customer '" + customerId + "'"));
    }

    static ProblemException badQuery(String detail) {
        return new ProblemException(Problem.of("bad-query", "Bad query", 400, detail));
    }
}
