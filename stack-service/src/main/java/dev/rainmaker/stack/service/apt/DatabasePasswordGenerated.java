package dev.rainmaker.stack.service.apt;

import java.util.List;
import java.util.regex.Pattern;

import dev.rainmaker.stack.domain.CommandOutput;
import dev.rainmaker.stack.service.HostStep;

import static dev.rainmaker.stack.service.ShellQuote.quote;

/**
 * The customer's database password exists only on the host: generated there, in a file PHP-FPM (group www-data) can
 * read and nobody else. Rainmaker looks at its mode, owner and size, never at its content.
 */
public record DatabasePasswordGenerated() implements HostStep {

    static final String DIRECTORY = "/etc/rainmaker";
    static final String FILE = DIRECTORY + "/db-password";

    private static final Pattern EXPECTED_STAT = Pattern.compile("640 root:www-data [1-9][0-9]*");

    @Override
    public String name() {
        return "database password generated on the host in " + FILE + " (0640 root:www-data)";
    }

    @Override
    public String check() {
        return "stat -c " + quote("%a %U:%G %s") + " " + quote(FILE);
    }

    @Override
    public boolean satisfiedBy(CommandOutput output) {
        return output.succeeded()
                && EXPECTED_STAT.matcher(output.stdout().strip()).matches();
    }

    /**
     * The directory keeps others out while the new file still has the default mode. OpenSSL 3 reads options only
     * before the byte count.
     */
    @Override
    public List<String> apply() {
        return List.of(
                "install -d -m 0750 -o root -g www-data " + quote(DIRECTORY),
                "openssl rand -hex -out " + quote(FILE) + " 24",
                "chown root:www-data " + quote(FILE),
                "chmod 0640 " + quote(FILE));
    }
}
