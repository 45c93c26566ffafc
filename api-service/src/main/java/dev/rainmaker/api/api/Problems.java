package dev.rainmaker.api.api;

import java.util.List;
import jakarta.ws.rs.core.HttpHeaders;

import dev.rainmaker.api.config.ApiConfig.Scope;
import dev.rainmaker.events.signup.SignupProblem;
import dev.rainmaker.problems.Problem;
import dev.rainmaker.problems.ProblemException;

/** The door's refusals, each with its status, its words and the headers a client acts on. */
final class Problems {

    static final String CHALLENGE = "Bearer realm=\"rainmaker\"";

    private Problems() {}

    static ProblemException unauthenticated(String detail) {
        Problem problem = Problem.of("unauthenticated", "Unauthenticated", 401, detail);
        return new ProblemException(problem, problem.response(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE));
    }

    static ProblemException insufficientScope(Scope needed) {
        Problem problem = Problem.of(
                "insufficient-scope",
                "Forbidden",
                403,
                "this token may not " + (needed == Scope.SIGNUP ? "sign customers up" : "read customers"));
        return new ProblemException(
                problem,
                problem.response(
                        HttpHeaders.WWW_AUTHENTICATE,
                        CHALLENGE + ", error=\"insufficient_scope\", scope=\""
                                + needed.name().toLowerCase() + "\""));
    }

    static ProblemException rateLimited(long retryAfterSeconds) {
        Problem problem = Problem.of(
                "rate-limited",
                "Too many requests",
                429,
                "this token's rate limit is reached; retry in " + retryAfterSeconds + " s");
        return new ProblemException(
                problem, problem.response(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds)));
    }

    static ProblemException tooLarge(long limit) {
        return new ProblemException(
                Problem.of("too-large", "Request too large", 413, "a sign-up is at most " + limit + " bytes of JSON"));
    }

    static ProblemException notJson(String why) {
        return new ProblemException(Problem.of("malformed", "Malformed sign-up", 400, why));
    }

    static ProblemException invalid(List<SignupProblem> problems) {
        List<Problem.FieldError> errors = problems.stream()
                .map(problem -> new Problem.FieldError(problem.field(), problem.message()))
                .toList();
        String detail = problems.size() == 1
                ? problems.getFirst().message()
                : problems.size() + " fields are not valid: "
                        + String.join(
                                "; ",
                                problems.stream().map(SignupProblem::message).toList());
        return new ProblemException(
                Problem.of("invalid-signup", "Invalid sign-up", 422, detail).withErrors(errors));
    }

    static ProblemException conflict(String detail) {
        return new ProblemException(Problem.of("conflict", "Conflict", 409, detail));
    }

    static ProblemException unavailable(String detail) {
        Problem problem = Problem.of("unavailable", "Service unavailable", 503, detail);
        return new ProblemException(problem, problem.response(HttpHeaders.RETRY_AFTER, "2"));
    }

    static ProblemException unknownCustomer(String customerId) {
        return new ProblemException(
                Problem.of("unknown-customer", "Unknown customer", 404, "no customer '" + customerId + "'"));
    }
}
