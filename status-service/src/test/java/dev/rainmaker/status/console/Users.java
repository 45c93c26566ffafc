package dev.rainmaker.status.console;

/** The console's test users, as the service's test configuration defines them. */
final class Users {

    static final String OPERATOR = "ops";
    static final String OPERATOR_PASSWORD = "ops-test-password";
    static final String VIEWER = "watcher";
    static final String VIEWER_PASSWORD = "watcher-test-password";

    private Users() {}
}
