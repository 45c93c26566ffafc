package dev.rainmaker.stack.service.apt;

import java.util.List;

import dev.rainmaker.hostaccess.CommandOutput;
import dev.rainmaker.stack.domain.CustomerDatabase;
import dev.rainmaker.stack.service.HostStep;

/** The customer's database exists. */
public record CustomerDatabaseCreated(SqlServer server, CustomerDatabase database) implements HostStep {

    public CustomerDatabaseCreated(CustomerDatabase database) {
        this(SqlServer.MARIADB, database);
    }

    @Override
    public String name() {
        return server.displayName() + " database " + database.name() + " created";
    }

    @Override
    public String check() {
        return server.query("SHOW DATABASES");
    }

    @Override
    public boolean satisfiedBy(CommandOutput output) {
        return SqlServer.listsDatabase(output, database.name());
    }

    @Override
    public List<String> apply() {
        return List.of(server.execute("CREATE DATABASE IF NOT EXISTS `" + database.name() + "`"));
    }
}
