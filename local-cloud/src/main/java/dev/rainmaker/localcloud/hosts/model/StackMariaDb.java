package dev.rainmaker.localcloud.hosts.model;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MariaDB 10.11 (Debian 12) or MySQL 8 (Ubuntu's {@code mysql-server}, whichever package is installed) on a simulated
 * host, for the SQL the stack sends: databases, users with their authentication plugin
 * and password, and grants, kept in {@link HostState#settings}. A fresh server looks like upstream
 * {@code mariadb-install-db} left it (a {@code test} database, anonymous users, root also reachable over TCP with a
 * password), so the hardening statements have something to remove; Ubuntu's MySQL starts as its package leaves it
 * (no test database, no anonymous users, root by {@code auth_socket}). Each speaks its own dialect for accounts
 * ({@code mysql.global_priv} and {@code unix_socket} vs {@code mysql.user} and {@code auth_socket}). A statement outside
 * the vocabulary fails as a syntax error.
 */
final class StackMariaDb {

    /** One SQL server: its package, unit, clients and account dialect. */
    enum Engine {
        MARIADB("mariadb-server", "mariadb", List.of("mariadb", "mysql"), "mysql\\.global_priv", "unix_socket", "VIA"),
        MYSQL("mysql-server", "mysql", List.of("mysql"), "mysql\\.user", "auth_socket", "WITH");

        final String pkg;
        final String service;
        final List<String> clients;
        final Pattern countRootNotSocketOnly;
        final Pattern deleteAnonymous;
        final Pattern deleteRemoteRoot;
        final Pattern rootBySocket;
        final String socketPlugin;

        Engine(String pkg, String service, List<String> clients, String accounts, String plugin, String keyword) {
            this.pkg = pkg;
            this.service = service;
            this.clients = clients;
            this.socketPlugin = plugin;
            this.countRootNotSocketOnly = sql("SELECT COUNT\\(\\*\\) FROM mysql\\.user WHERE User='root' AND"
                    + " \\(Host<>'localhost' OR plugin<>'" + plugin + "'\\)");
            this.deleteAnonymous = sql("DELETE FROM " + accounts + " WHERE User=''");
            this.deleteRemoteRoot = sql("DELETE FROM " + accounts + " WHERE User='root' AND Host<>'localhost'");
            this.rootBySocket = sql("ALTER USER 'root'@'localhost' IDENTIFIED " + keyword + " " + plugin);
        }

        static Engine of(HostState host) {
            return host.packages.containsKey(MYSQL.pkg) ? MYSQL : MARIADB;
        }
    }

    /** The clients either server may bring. */
    static final List<String> CLIENTS = List.of("mariadb", "mysql");

    private static final String INITIALIZED = "mariadb.initialized";
    private static final String DATABASE = "mariadb.database:";
    private static final String USER = "mariadb.user:";
    private static final String PASSWORD = "mariadb.password:";
    private static final String GRANT = "mariadb.grant:";

    private static final String NAME = "([A-Za-z0-9_]+)";
    private static final Pattern SHOW_DATABASES = sql("SHOW DATABASES");
    private static final Pattern DROP_DATABASE = sql("DROP DATABASE IF EXISTS `?" + NAME + "`?");
    private static final Pattern CREATE_DATABASE = sql("CREATE DATABASE IF NOT EXISTS `" + NAME + "`");
    private static final Pattern COUNT_ANONYMOUS = sql("SELECT COUNT\\(\\*\\) FROM mysql\\.user WHERE User=''");
    private static final Pattern FLUSH_PRIVILEGES = sql("FLUSH PRIVILEGES");
    private static final Pattern CREATE_USER = sql("CREATE USER IF NOT EXISTS '" + NAME + "'@'localhost'");
    private static final Pattern SET_PASSWORD = sql("ALTER USER '" + NAME + "'@'localhost' IDENTIFIED BY '([^']*)'");
    private static final Pattern GRANT_ALL =
            sql("GRANT ALL PRIVILEGES ON `" + NAME + "`\\.\\* TO '" + NAME + "'@'localhost'");
    private static final Pattern SELECT_ONE = sql("SELECT 1");

    private StackMariaDb() {}

    private static Pattern sql(String regex) {
        return Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
    }

    /** The {@code client} as root over the unix socket, running the statements of {@code sql} in order. */
    static CommandResult asRoot(String client, String sql, boolean withColumnNames, HostState host) {
        CommandResult reachable = reachable(client, host);
        if (reachable != null) {
            return reachable;
        }
        StringBuilder out = new StringBuilder();
        for (String statement : statements(sql)) {
            Result result = runAsRoot(statement, host);
            if (result.error != null) {
                return new CommandResult(1, out.toString(), result.error + "\n");
            }
            if (result.rows != null) {
                if (withColumnNames) {
                    out.append(result.column).append('\n');
                }
                result.rows.forEach(row -> out.append(row).append('\n'));
            }
        }
        return CommandResult.ok(out.toString());
    }

    /** The {@code client} as {@code user}@localhost with {@code password}, using {@code database}. */
    static CommandResult asUser(
            String client, String user, String password, String database, String sql, HostState host) {
        CommandResult reachable = reachable(client, host);
        if (reachable != null) {
            return reachable;
        }
        String refused = refusedLogin(user, password, database, host);
        if (refused != null) {
            return CommandResult.failed(1, refused + "\n");
        }
        if (!SELECT_ONE.matcher(sql.trim()).matches()) {
            return CommandResult.failed(1, syntaxError(sql) + "\n");
        }
        return CommandResult.ok("1\n");
    }

    /** Whether a client (the app) could log in as {@code user} with {@code password} and use {@code database}. */
    static boolean canUse(String user, String password, String database, HostState host) {
        Engine engine = Engine.of(host);
        return reachable(engine.clients.get(0), host) == null && refusedLogin(user, password, database, host) == null;
    }

    private static CommandResult reachable(String client, HostState host) {
        Engine engine = Engine.of(host);
        if (!host.packages.containsKey(engine.pkg) || !engine.clients.contains(client)) {
            return CommandResult.failed(127, "bash: line 1: " + client + ": command not found\n");
        }
        if (!host.activeServices.contains(engine.service)) {
            return CommandResult.failed(
                    1,
                    "ERROR 2002 (HY000): Can't connect to local server through socket '/run/mysqld/mysqld.sock' (2)\n");
        }
        initialize(engine, host);
        return null;
    }

    private static void initialize(Engine engine, HostState host) {
        if (host.settings.putIfAbsent(INITIALIZED, "true") != null) {
            return;
        }
        if (engine == Engine.MYSQL) {
            for (String db : List.of("information_schema", "mysql", "performance_schema", "sys")) {
                host.settings.put(DATABASE + db, "");
            }
            host.settings.put(USER + "root@localhost", "auth_socket");
            host.settings.put(USER + "debian-sys-maint@localhost", "caching_sha2_password");
            return;
        }
        for (String db : List.of("information_schema", "mysql", "performance_schema", "sys", "test")) {
            host.settings.put(DATABASE + db, "");
        }
        host.settings.put(USER + "root@localhost", "mysql_native_password");
        host.settings.put(USER + "root@127.0.0.1", "mysql_native_password");
        host.settings.put(USER + "@localhost", "mysql_native_password");
        host.settings.put(USER + "@" + hostname(host), "mysql_native_password");
    }

    private static String hostname(HostState host) {
        return host.settings.getOrDefault("hostname", "localhost.localdomain");
    }

    private static String refusedLogin(String user, String password, String database, HostState host) {
        String account = user + "@localhost";
        String stored = host.settings.get(PASSWORD + account);
        if (!host.settings.containsKey(USER + account) || stored == null || !stored.equals(password)) {
            return "ERROR 1045 (28000): Access denied for user '" + user + "'@'localhost' (using password: "
                    + (password == null || password.isEmpty() ? "NO" : "YES") + ")";
        }
        if (!host.settings.containsKey(GRANT + account + ":" + database)) {
            return "ERROR 1044 (42000): Access denied for user '" + user + "'@'localhost' to database '" + database
                    + "'";
        }
        if (!host.settings.containsKey(DATABASE + database)) {
            return "ERROR 1049 (42000): Unknown database '" + database + "'";
        }
        return null;
    }

    private static List<String> statements(String sql) {
        List<String> statements = new ArrayList<>();
        for (String part : sql.split(";")) {
            if (!part.isBlank()) {
                statements.add(part.trim());
            }
        }
        return statements;
    }

    private record Result(String column, List<String> rows, String error) {
        static Result done() {
            return new Result(null, null, null);
        }

        static Result rows(String column, List<String> rows) {
            return new Result(column, rows, null);
        }

        static Result error(String error) {
            return new Result(null, null, error);
        }
    }

    private static Result runAsRoot(String statement, HostState host) {
        Engine engine = Engine.of(host);
        Matcher m;
        if (SHOW_DATABASES.matcher(statement).matches()) {
            return Result.rows("Database", names(host, DATABASE));
        }
        if ((m = DROP_DATABASE.matcher(statement)).matches()) {
            host.settings.remove(DATABASE + m.group(1));
            return Result.done();
        }
        if ((m = CREATE_DATABASE.matcher(statement)).matches()) {
            host.settings.putIfAbsent(DATABASE + m.group(1), "");
            return Result.done();
        }
        if (COUNT_ANONYMOUS.matcher(statement).matches()) {
            return count(accounts(host).stream().filter(a -> a.startsWith("@")).count());
        }
        if (engine.countRootNotSocketOnly.matcher(statement).matches()) {
            return count(accounts(host).stream()
                    .filter(a -> a.startsWith("root@"))
                    .filter(a ->
                            !a.equals("root@localhost") || !engine.socketPlugin.equals(host.settings.get(USER + a)))
                    .count());
        }
        if (engine.deleteAnonymous.matcher(statement).matches()) {
            accounts(host).stream().filter(a -> a.startsWith("@")).forEach(a -> dropAccount(a, host));
            return Result.done();
        }
        if (engine.deleteRemoteRoot.matcher(statement).matches()) {
            accounts(host).stream()
                    .filter(a -> a.startsWith("root@") && !a.equals("root@localhost"))
                    .forEach(a -> dropAccount(a, host));
            return Result.done();
        }
        if (engine.rootBySocket.matcher(statement).matches()) {
            host.settings.put(USER + "root@localhost", engine.socketPlugin);
            host.settings.remove(PASSWORD + "root@localhost");
            return Result.done();
        }
        if (FLUSH_PRIVILEGES.matcher(statement).matches()) {
            return Result.done();
        }
        if ((m = CREATE_USER.matcher(statement)).matches()) {
            host.settings.putIfAbsent(USER + m.group(1) + "@localhost", "mysql_native_password");
            return Result.done();
        }
        if ((m = SET_PASSWORD.matcher(statement)).matches()) {
            String account = m.group(1) + "@localhost";
            if (!host.settings.containsKey(USER + account)) {
                return Result.error(
                        "ERROR 1396 (HY000): Operation ALTER USER failed for '" + m.group(1) + "'@'localhost'");
            }
            host.settings.put(USER + account, "mysql_native_password");
            host.settings.put(PASSWORD + account, m.group(2));
            return Result.done();
        }
        if ((m = GRANT_ALL.matcher(statement)).matches()) {
            String account = m.group(2) + "@localhost";
            if (!host.settings.containsKey(USER + account)) {
                return Result.error("ERROR 1133 (28000): Can't find any matching row in the user table");
            }
            host.settings.put(GRANT + account + ":" + m.group(1), "ALL");
            return Result.done();
        }
        if (SELECT_ONE.matcher(statement).matches()) {
            return Result.rows("1", List.of("1"));
        }
        return Result.error(syntaxError(statement));
    }

    private static Result count(long n) {
        return Result.rows("COUNT(*)", List.of(Long.toString(n)));
    }

    private static String syntaxError(String statement) {
        String near = statement.length() > 40 ? statement.substring(0, 40) : statement;
        return "ERROR 1064 (42000) at line 1: You have an error in your SQL syntax; check the manual that corresponds"
                + " to your MariaDB server version for the right syntax to use near '" + near + "' at line 1";
    }

    private static List<String> accounts(HostState host) {
        return names(host, USER);
    }

    private static List<String> names(HostState host, String prefix) {
        return host.settings.keySet().stream()
                .filter(k -> k.startsWith(prefix))
                .map(k -> k.substring(prefix.length()))
                .sorted()
                .toList();
    }

    private static void dropAccount(String account, HostState host) {
        host.settings.remove(USER + account);
        host.settings.remove(PASSWORD + account);
        host.settings.keySet().removeIf(k -> k.startsWith(GRANT + account + ":"));
    }
}
