package dev.rainmaker.stack.service.apt;

import java.util.List;

import dev.rainmaker.hostaccess.CommandOutput;
import dev.rainmaker.stack.domain.CustomerDatabase;
import dev.rainmaker.stack.service.HostStep;

import static dev.rainmaker.hostaccess.ShellQuote.quote;

/**
 * The customer's database user logs in with the password in the host's file and uses its database. The password is
 * read by the host's shell ({@code $(cat ...)}) and handed to the SQL client through the environment or a pipe, so it never
 * appears in a command Rainmaker sends, in a process list, or in what comes back.
 */
public record CustomerUserCanLogIn(SqlServer server, CustomerDatabase database) implements HostStep {

    public CustomerUserCanLogIn(CustomerDatabase database) {
        this(SqlServer.MARIADB, database);
    }

    private static final String PASSWORD = "\"$(cat " + DatabasePasswordGenerated.FILE + ")\"";

    @Override
    public String name() {
        return server.displayName() + " user " + database.user() + " logs in to " + database.name()
                + " with the host's password";
    }

    @Override
    public String check() {
        return "MYSQL_PWD=" + PASSWORD + " " + server.client() + " -u " + quote(database.user()) + " -N -e "
                + quote("SELECT 1") + " " + quote(database.name());
    }

    @Override
    public boolean satisfiedBy(CommandOutput output) {
        return output.succeeded() && output.stdout().strip().equals("1");
    }

    /** printf is a shell builtin: the password reaches the client on its standard input only. */
    @Override
    public List<String> apply() {
        String account = "'" + database.user() + "'@'localhost'";
        String statements = "CREATE USER IF NOT EXISTS " + account + "; ALTER USER " + account
                + " IDENTIFIED BY '%s'; GRANT ALL PRIVILEGES ON `" + database.name() + "`.* TO " + account + ";";
        return List.of("printf " + quote(statements) + " " + PASSWORD + " | " + server.client());
    }
}
