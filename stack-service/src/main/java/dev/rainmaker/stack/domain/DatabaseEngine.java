package dev.rainmaker.stack.domain;

/** The SQL server a plan asks for. */
public enum DatabaseEngine {
    MARIADB("MariaDB"),
    MYSQL("MySQL");

    private final String displayName;

    DatabaseEngine(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
