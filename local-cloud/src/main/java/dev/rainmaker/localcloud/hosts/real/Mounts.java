package dev.rainmaker.localcloud.hosts.real;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The machine's mount points, as {@code /proc/self/mountinfo} lists them. */
final class Mounts {

    private static final Pattern OCTAL_ESCAPE = Pattern.compile("\\\\([0-7]{3})");

    private Mounts() {}

    /** Mount points at or below {@code directory}, deepest first (the order to unmount them in). */
    static List<String> under(Path directory) throws IOException {
        String prefix = directory.toAbsolutePath().normalize().toString();
        return Files.readAllLines(Path.of("/proc/self/mountinfo"), StandardCharsets.UTF_8).stream()
                .map(line -> unescape(line.split(" ")[4]))
                .filter(mount -> mount.equals(prefix) || mount.startsWith(prefix + "/"))
                .sorted(Comparator.comparingInt(String::length).reversed())
                .toList();
    }

    /** mountinfo writes a space as {@code \040}, a tab as {@code \011} ... */
    private static String unescape(String field) {
        Matcher escape = OCTAL_ESCAPE.matcher(field);
        StringBuilder out = new StringBuilder();
        while (escape.find()) {
            escape.appendReplacement(
                    out, Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(escape.group(1), 8))));
        }
        escape.appendTail(out);
        return out.toString();
    }
}
