package dev.rainmaker.localcloud.prometheus;

import java.nio.file.Files;
import java.nio.file.Path;

/** The rules production loads ({@code deploy/prometheus/rules.yaml}), which the tests load into a real Prometheus. */
final class TestRules {

    private TestRules() {}

    static Path file() {
        Path rules = Path.of(System.getProperty("user.dir"))
                .resolveSibling("deploy")
                .resolve("prometheus")
                .resolve("rules.yaml");
        if (!Files.isRegularFile(rules)) {
            throw new IllegalStateException(rules + " is missing: the tests run from local-cloud's directory");
        }
        return rules;
    }
}
