package dev.rainmaker.status.api;

/** A request the API answers with a problem body. */
public class ProblemException extends RuntimeException {

    private final Problem problem;

    public ProblemException(Problem problem) {
        super(problem.detail());
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    public static ProblemException unknownCustomer(String customerId) {
        return new ProblemException(
                Problem.of("unknown-customer", "Unknown customer", 404, "no customer '" + customerId + "'"));
    }

    public static ProblemException badQuery(String detail) {
        return new ProblemException(Problem.of("bad-query", "Bad query", 400, detail));
    }
}
