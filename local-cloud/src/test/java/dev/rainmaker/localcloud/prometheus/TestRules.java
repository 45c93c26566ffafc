package dev.rainmaker.localcloud.prometheus;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** The rules file the tests load into a real Prometheus. */
final class TestRules {

    private TestRules() {}

    static Path file() {
        try {
            return Path.of(TestRules.class
                    .getResource("/prometheus/temporary-rules.yaml")
                    .toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
