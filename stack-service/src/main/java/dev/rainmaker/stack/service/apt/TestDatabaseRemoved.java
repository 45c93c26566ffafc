package dev.rainmaker.stack.service.apt;

import java.util.List;

import dev.rainmaker.hostaccess.CommandOutput;
import dev.rainmaker.stack.service.HostStep;

/** The SQL server has no {@code test} database, which anyone could use. */
public record TestDatabaseRemoved(SqlServer server) implements HostStep {

    public TestDatabaseRemoved() {
        this(SqlServer.MARIADB);
    }

    @Override
    public String name() {
        return server.displayName() + " test database removed";
    }

    @Override
    public String check() {
        return server.query("SHOW DATABASES");
    }

    @Override
    public boolean satisfiedBy(CommandOutput output) {
        return output.succeeded() && !SqlServer.listsDatabase(output, "test");
    }

    @Override
    public List<String> apply() {
        return List.of(server.execute("DROP DATABASE IF EXISTS test"));
    }
}
