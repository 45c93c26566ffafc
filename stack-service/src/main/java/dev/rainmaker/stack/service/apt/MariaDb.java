package dev.rainmaker.stack.service.apt;

import dev.rainmaker.stack.domain.CommandOutput;

import static dev.rainmaker.stack.service.ShellQuote.quote;

/** The {@code mariadb} client as root, over the unix socket (no password exists for root). */
final class MariaDb {

    private MariaDb() {}

    /** Runs statements; the SQL travels as one single-quoted word. */
    static String execute(String sql) {
        return "mariadb -e " + quote(sql);
    }

    /** Runs a query that prints rows without column names, one a line. */
    static String query(String sql) {
        return "mariadb -N -e " + quote(sql);
    }

    /** Whether a {@link #query} printed exactly one row holding {@code 0}. */
    static boolean countIsZero(CommandOutput output) {
        return output.succeeded() && output.stdout().strip().equals("0");
    }

    /** Whether a {@code SHOW DATABASES} printed the database. */
    static boolean listsDatabase(CommandOutput output, String database) {
        return output.succeeded() && output.stdout().lines().map(String::strip).anyMatch(database::equals);
    }
}
