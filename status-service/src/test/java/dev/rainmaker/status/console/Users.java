package dev.rainmaker.status.console;

/** The console's test users, as the service's test configuration defines them (application.properties, %test). */
final class Users {

    static final String OPERATOR = "ops";
    static final String OPERATOR_PASSWORD = "secret";
    static final String VIEWER = "eve";
    static final String VIEWER_PASSWORD = "secret";

    private Users() {}
}
