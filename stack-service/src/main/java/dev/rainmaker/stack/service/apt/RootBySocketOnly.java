package dev.rainmaker.stack.service.apt;

import java.util.List;

import dev.rainmaker.stack.domain.CommandOutput;
import dev.rainmaker.stack.service.HostStep;

/** MariaDB's root exists only as root@localhost and logs in only through the unix socket, as the system's root. */
public record RootBySocketOnly() implements HostStep {

    @Override
    public String name() {
        return "MariaDB root logs in by unix socket only";
    }

    @Override
    public String check() {
        return MariaDb.query(
                "SELECT COUNT(*) FROM mysql.user WHERE User='root' AND (Host<>'localhost' OR plugin<>'unix_socket')");
    }

    @Override
    public boolean satisfiedBy(CommandOutput output) {
        return MariaDb.countIsZero(output);
    }

    @Override
    public List<String> apply() {
        return List.of(MariaDb.execute("DELETE FROM mysql.global_priv WHERE User='root' AND Host<>'localhost';"
                + " FLUSH PRIVILEGES; ALTER USER 'root'@'localhost' IDENTIFIED VIA unix_socket"));
    }
}
