package dev.rainmaker.localcloud.hosts.real;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The Debian mirror this machine's apt uses ({@code /etc/apt/sources.list.d/debian.sources}): real hosts cannot reach
 * any mirror themselves, so debootstrap and the hosts' package proxy fetch from where the machine does.
 */
record DebianMirror(String sources, String debianUri, String securityUri) {

    static final Path SOURCES = Path.of("/etc/apt/sources.list.d/debian.sources");
    static final String DEFAULT_DEBIAN = "http://deb.debian.org/debian";
    static final String DEFAULT_SECURITY = "http://deb.debian.org/debian-security";

    static DebianMirror ofThisMachine() {
        if (!Files.isRegularFile(SOURCES)) {
            return new DebianMirror(defaultSources(), DEFAULT_DEBIAN, DEFAULT_SECURITY);
        }
        try {
            String sources = Files.readString(SOURCES);
            List<String> uris = sources.lines()
                    .map(String::strip)
                    .filter(line -> line.startsWith("URIs:"))
                    .map(line -> line.substring("URIs:".length()).strip().split("\\s+")[0])
                    .toList();
            String debian = uris.stream()
                    .filter(uri -> !uri.endsWith("-security"))
                    .findFirst()
                    .orElse(DEFAULT_DEBIAN);
            String security = uris.stream()
                    .filter(uri -> uri.endsWith("-security"))
                    .findFirst()
                    .orElse(DEFAULT_SECURITY);
            return new DebianMirror(sources, debian, security);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + SOURCES, e);
        }
    }

    private static String defaultSources() {
        return """
                Types: deb
                URIs: %s
                Suites: bookworm bookworm-updates
                Components: main
                Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

                Types: deb
                URIs: %s
                Suites: bookworm-security
                Components: main
                Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
                """.formatted(DEFAULT_DEBIAN, DEFAULT_SECURITY);
    }
}
