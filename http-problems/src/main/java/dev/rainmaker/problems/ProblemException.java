package dev.rainmaker.problems;

import jakarta.ws.rs.core.Response;

/** A request the API answers with a problem body, and the headers that go with it (a challenge, a Retry-After). */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;
    private final transient Response response;

    public ProblemException(Problem problem) {
        this(problem, problem.response());
    }

    public ProblemException(Problem problem, Response response) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
        this.response = response;
    }

    public Problem problem() {
        return problem;
    }

    public Response response() {
        return response;
    }
}
