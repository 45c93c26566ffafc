package dev.rainmaker.stack.service.apt;

import java.util.List;

import dev.rainmaker.hostaccess.CommandOutput;
import dev.rainmaker.stack.service.HostStep;

/** The SQL server's root exists only as root@localhost and logs in only through the unix socket, as the system's root. */
public record RootBySocketOnly(SqlServer server) implements HostStep {

    public RootBySocketOnly() {
        this(SqlServer.MARIADB);
    }

    @Override
    public String name() {
        return server.displayName() + " root logs in by unix socket only";
    }

    @Override
    public String check() {
        return server.query("SELECT COUNT(*) FROM mysql.user WHERE User='root' AND (Host<>'localhost' OR plugin<>'"
                + server.socketPlugin() + "')");
    }

    @Override
    public boolean satisfiedBy(CommandOutput output) {
        return SqlServer.countIsZero(output);
    }

    @Override
    public List<String> apply() {
        return List.of(server.execute("DELETE FROM " + server.accountTable()
                + " WHERE User='root' AND Host<>'localhost';" + " FLUSH PRIVILEGES; " + server.rootBySocket()));
    }
}
