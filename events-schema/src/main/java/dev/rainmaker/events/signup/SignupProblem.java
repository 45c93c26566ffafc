package dev.rainmaker.events.signup;

/**
 * One thing wrong with a sign-up: the field it is about, as a JSON path from the sign-up ({@code email},
 * {@code adminUsers[2].publicKey}), and a sentence for people that names the field and says what is wrong.
 */
public record SignupProblem(String field, String message) {}
