package dev.rainmaker.stack.service.apt;

import java.util.List;
import java.util.regex.Pattern;

import dev.rainmaker.hostaccess.CommandOutput;
import dev.rainmaker.stack.service.HostStep;

import static dev.rainmaker.hostaccess.ShellQuote.quote;

/**
 * The customer's database password exists only on the host: generated there, in a file PHP-FPM (its group: www-data
 * on Debian, apache on Enterprise Linux) can read and nobody else. Rainmaker looks at its mode, owner and size, never at its content.
 */
public record DatabasePasswordGenerated(String webGroup) implements HostStep {

    static final String DIRECTORY = "/etc/rainmaker";
    static final String FILE = DIRECTORY + "/db-password";

    private static final Pattern GROUP = Pattern.compile("[a-z][a-z0-9_-]*");

    public DatabasePasswordGenerated {
        if (!GROUP.matcher(webGroup).matches()) {
            throw new IllegalArgumentException("'" + webGroup + "' is not a group name");
        }
    }

    /** Debian's: PHP-FPM runs as www-data. */
    public DatabasePasswordGenerated() {
        this("www-data");
    }

    @Override
    public String name() {
        return "database password generated on the host in " + FILE + " (0640 root:" + webGroup + ")";
    }

    @Override
    public String check() {
        return "stat -c " + quote("%a %U:%G %s") + " " + quote(FILE);
    }

    @Override
    public boolean satisfiedBy(CommandOutput output) {
        return output.succeeded()
                && Pattern.matches(
                        "640 root:" + webGroup + " [1-9][0-9]*", output.stdout().strip());
    }

    /**
     * The directory keeps others out while the new file still has the default mode. OpenSSL 3 reads options only
     * before the byte count.
     */
    @Override
    public List<String> apply() {
        return List.of(
                "install -d -m 0750 -o root -g " + webGroup + " " + quote(DIRECTORY),
                "openssl rand -hex -out " + quote(FILE) + " 24",
                "chown root:" + webGroup + " " + quote(FILE),
                "chmod 0640 " + quote(FILE));
    }
}
