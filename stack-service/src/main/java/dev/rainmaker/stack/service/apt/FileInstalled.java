package dev.rainmaker.stack.service.apt;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

import dev.rainmaker.hostaccess.CommandOutput;
import dev.rainmaker.stack.service.HostStep;

import static dev.rainmaker.hostaccess.ShellQuote.quote;

/**
 * A file holds exactly the given content (compared by SHA-256 on the host); when it does not, it is written with its
 * mode and owner, and the commands that make a daemon read it again follow.
 */
public record FileInstalled(String name, String path, String content, String mode, String owner, List<String> then)
        implements HostStep {

    private static final Pattern MODE = Pattern.compile("0[0-7]{3}");
    private static final Pattern OWNER = Pattern.compile("[a-z][a-z0-9_-]*:[a-z][a-z0-9_-]*");

    public FileInstalled {
        if (!path.startsWith("/")
                || !MODE.matcher(mode).matches()
                || !OWNER.matcher(owner).matches()) {
            throw new IllegalArgumentException("bad file step for " + path + ": mode " + mode + ", owner " + owner);
        }
        then = List.copyOf(then);
    }

    @Override
    public String check() {
        return "sha256sum " + quote(path);
    }

    @Override
    public boolean satisfiedBy(CommandOutput output) {
        return output.succeeded() && output.stdout().startsWith(sha256(content) + " ");
    }

    @Override
    public List<String> apply() {
        List<String> commands = new ArrayList<>();
        commands.add("printf '%s' " + quote(content) + " > " + quote(path));
        commands.add("chown " + owner + " " + quote(path));
        commands.add("chmod " + mode + " " + quote(path));
        commands.addAll(then);
        return commands;
    }

    static String sha256(String content) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
