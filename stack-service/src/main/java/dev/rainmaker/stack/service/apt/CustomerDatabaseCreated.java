package dev.rainmaker.stack.service.apt;

import java.util.List;

import dev.rainmaker.stack.domain.CommandOutput;
import dev.rainmaker.stack.domain.CustomerDatabase;
import dev.rainmaker.stack.service.HostStep;

/** The customer's database exists. */
public record CustomerDatabaseCreated(CustomerDatabase database) implements HostStep {

    @Override
    public String name() {
        return "MariaDB database " + database.name() + " created";
    }

    @Override
    public String check() {
        return MariaDb.query("SHOW DATABASES");
    }

    @Override
    public boolean satisfiedBy(CommandOutput output) {
        return MariaDb.listsDatabase(output, database.name());
    }

    @Override
    public List<String> apply() {
        return List.of(MariaDb.execute("CREATE DATABASE IF NOT EXISTS `" + database.name() + "`"));
    }
}
