package dev.rainmaker.stack.service.apt;

import java.util.List;

import dev.rainmaker.hostaccess.CommandOutput;
import dev.rainmaker.stack.service.HostStep;

/** The SQL server has no anonymous users. */
public record AnonymousUsersRemoved(SqlServer server) implements HostStep {

    public AnonymousUsersRemoved() {
        this(SqlServer.MARIADB);
    }

    @Override
    public String name() {
        return server.displayName() + " anonymous users removed";
    }

    @Override
    public String check() {
        return server.query("SELECT COUNT(*) FROM mysql.user WHERE User=''");
    }

    @Override
    public boolean satisfiedBy(CommandOutput output) {
        return SqlServer.countIsZero(output);
    }

    @Override
    public List<String> apply() {
        return List.of(server.execute("DELETE FROM " + server.accountTable() + " WHERE User=''; FLUSH PRIVILEGES"));
    }
}
