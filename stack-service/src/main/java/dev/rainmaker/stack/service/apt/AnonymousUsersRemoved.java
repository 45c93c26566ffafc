package dev.rainmaker.stack.service.apt;

import java.util.List;

import dev.rainmaker.stack.domain.CommandOutput;
import dev.rainmaker.stack.service.HostStep;

/**
 * MariaDB has no anonymous users. Since 10.4 {@code mysql.user} is a read-only view: rows are removed from
 * {@code mysql.global_priv}, as {@code mariadb-secure-installation} does.
 */
public record AnonymousUsersRemoved() implements HostStep {

    @Override
    public String name() {
        return "MariaDB anonymous users removed";
    }

    @Override
    public String check() {
        return MariaDb.query("SELECT COUNT(*) FROM mysql.user WHERE User=''");
    }

    @Override
    public boolean satisfiedBy(CommandOutput output) {
        return MariaDb.countIsZero(output);
    }

    @Override
    public List<String> apply() {
        return List.of(MariaDb.execute("DELETE FROM mysql.global_priv WHERE User=''; FLUSH PRIVILEGES"));
    }
}
