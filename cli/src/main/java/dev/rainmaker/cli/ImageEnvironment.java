package dev.rainmaker.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The environment a service's image runs a launch with: the launch's own (secrets stay there, never on a command line)
 * and its system properties in {@code JAVA_OPTS_APPEND}, the image's entrypoint adding them to the JVM's options. Files
 * a property names, by path or {@code file:} URI (keys, users, settings), are copied into a directory of the
 * container's, to be mounted read-only at {@link #SECRETS} as a Kubernetes Secret volume would be, and the property
 * names them there.
 */
public final class ImageEnvironment {

    /** Where the container sees the directory of files its properties name. */
    public static final String SECRETS = "/run/secrets/rainmaker";

    private ImageEnvironment() {}

    /**
     * @param secrets an empty directory of the container's own, for the files its properties name
     * @param jvmOptions more JVM options, after the launch's properties
     */
    public static Map<String, String> of(ServiceLaunch launch, Path secrets, List<String> jvmOptions) {
        createDirectory(secrets);
        List<String> options = new ArrayList<>();
        for (Map.Entry<String, String> property : launch.systemProperties().entrySet()) {
            String value = property.getValue();
            if (value.startsWith("/") && Files.isRegularFile(Path.of(value))) {
                value = SECRETS + "/" + copy(Path.of(value), secrets);
            } else if (value.startsWith("file:") && Files.isRegularFile(Path.of(URI.create(value)))) {
                value = "file:" + SECRETS + "/" + copy(Path.of(URI.create(value)), secrets);
            }
            options.add("-D" + property.getKey() + "=" + value);
        }
        options.addAll(jvmOptions);
        options.stream().filter(option -> option.contains(" ")).findAny().ifPresent(option -> {
            throw new IllegalArgumentException("an option with a space cannot go in JAVA_OPTS_APPEND: " + option);
        });
        Map<String, String> environment = new HashMap<>(launch.environment());
        environment.put("JAVA_OPTS_APPEND", String.join(" ", options));
        return Map.copyOf(environment);
    }

    /**
     * Copies the file readable by its owner and group only (0440, as the manifests mount Secrets): the image's user
     * (10001) owns nothing on the host, but its group is 0, which is the copy's group under rootful Podman (root made
     * it) and rootless Podman alike (the user's own group is the container's 0), so the container reads it and no
     * other user of the machine does.
     */
    private static String copy(Path file, Path directory) {
        try {
            Path copy = directory.resolve(file.getFileName());
            Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
            Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("r--r-----"));
            return file.getFileName().toString();
        } catch (IOException e) {
            throw new UncheckedIOException("could not copy " + file, e);
        }
    }

    private static void createDirectory(Path directory) {
        try {
            Files.createDirectories(directory);
            Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-x---"));
        } catch (IOException e) {
            throw new UncheckedIOException("could not create " + directory, e);
        }
    }
}
