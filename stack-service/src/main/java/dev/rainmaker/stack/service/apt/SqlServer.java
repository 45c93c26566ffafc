package dev.rainmaker.stack.service.apt;

import dev.rainmaker.hostaccess.CommandOutput;
import dev.rainmaker.stack.domain.DatabaseEngine;

import static dev.rainmaker.hostaccess.ShellQuote.quote;

/**
 * The SQL server of the stack and its client as root, over the unix socket (no password exists for root): MariaDB
 * ({@code mariadb}; since 10.4 {@code mysql.user} is a read-only view and rows are removed from
 * {@code mysql.global_priv}, as {@code mariadb-secure-installation} does; root by {@code unix_socket}) or MySQL 8
 * ({@code mysql}; {@code mysql.user} is the table; root by {@code auth_socket}).
 */
public record SqlServer(DatabaseEngine engine) {

    public static final SqlServer MARIADB = new SqlServer(DatabaseEngine.MARIADB);
    public static final SqlServer MYSQL = new SqlServer(DatabaseEngine.MYSQL);

    public String displayName() {
        return engine.displayName();
    }

    /** The client program. */
    public String client() {
        return engine == DatabaseEngine.MYSQL ? "mysql" : "mariadb";
    }

    /** The package that installs the server. */
    public String serverPackage() {
        return engine == DatabaseEngine.MYSQL ? "mysql-server" : "mariadb-server";
    }

    /** The systemd unit of the server. */
    public String unit() {
        return engine == DatabaseEngine.MYSQL ? "mysql" : "mariadb";
    }

    /** Runs statements; the SQL travels as one single-quoted word. */
    String execute(String sql) {
        return client() + " -e " + quote(sql);
    }

    /** Runs a query that prints rows without column names, one a line. */
    String query(String sql) {
        return client() + " -N -e " + quote(sql);
    }

    /** The table account rows are deleted from. */
    String accountTable() {
        return engine == DatabaseEngine.MYSQL ? "mysql.user" : "mysql.global_priv";
    }

    /** The authentication plugin that lets the system's root in through the socket, without a password. */
    String socketPlugin() {
        return engine == DatabaseEngine.MYSQL ? "auth_socket" : "unix_socket";
    }

    String rootBySocket() {
        return engine == DatabaseEngine.MYSQL
                ? "ALTER USER 'root'@'localhost' IDENTIFIED WITH auth_socket"
                : "ALTER USER 'root'@'localhost' IDENTIFIED VIA unix_socket";
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
