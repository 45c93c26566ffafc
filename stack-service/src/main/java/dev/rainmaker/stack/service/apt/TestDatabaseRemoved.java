package dev.rainmaker.stack.service.apt;

import java.util.List;

import dev.rainmaker.stack.domain.CommandOutput;
import dev.rainmaker.stack.service.HostStep;

/** MariaDB has no {@code test} database, which anyone could use. */
public record TestDatabaseRemoved() implements HostStep {

    @Override
    public String name() {
        return "MariaDB test database removed";
    }

    @Override
    public String check() {
        return MariaDb.query("SHOW DATABASES");
    }

    @Override
    public boolean satisfiedBy(CommandOutput output) {
        return output.succeeded() && !MariaDb.listsDatabase(output, "test");
    }

    @Override
    public List<String> apply() {
        return List.of(MariaDb.execute("DROP DATABASE IF EXISTS test"));
    }
}
