package dev.rainmaker.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The alerting rules and the dashboard's queries as a real Prometheus reads them: Debian's {@code prometheus} package
 * brings {@code promtool} (.ci/run installs it). Skipped, saying why, where it is missing.
 */
class PromtoolTests {

    @BeforeAll
    static void promtoolIsInstalled() {
        assumeTrue(
                Command.onPath("promtool").isPresent(),
                "promtool is not on the PATH: install Debian's prometheus package (apt-get install prometheus)");
    }

    @Test
    void theRulesPassPromtoolsCheck() {
        Command check = Command.run("promtool", "check", "rules", "deploy/prometheus/rules.yaml");

        assertThat(check.exitStatus()).as(check.describe()).isZero();
        assertThat(check.output()).contains("SUCCESS");
    }

    @Test
    void everyAlertPassesItsPromtoolUnitTestsFiringWhenItMustAndQuietWhereItMust() {
        Command test = Command.run("promtool", "test", "rules", "deploy/prometheus/rules-tests.yaml");

        assertThat(test.exitStatus()).as(test.describe()).isZero();
        assertThat(test.output()).contains("SUCCESS");
    }

    @Test
    void everyDashboardQueryParsesWithItsVariablesAtAll(@TempDir Path dir) throws IOException {
        List<String> queries = Dashboard.load().queriesWithVariablesAt(".*");
        Path asRules = dir.resolve("dashboard-queries.yaml");
        Files.writeString(asRules, new ObjectMapper(new YAMLFactory()).writeValueAsString(asRecordingRules(queries)));

        Command check = Command.run("promtool", "check", "rules", asRules.toString());

        assertThat(check.exitStatus()).as(check.describe()).isZero();
        assertThat(check.output()).contains("SUCCESS: " + queries.size() + " rules found");
    }

    /** promtool parses expressions only in rule files: each query becomes a recording rule. */
    private static Object asRecordingRules(List<String> queries) {
        List<Object> rules = new java.util.ArrayList<>();
        for (int i = 0; i < queries.size(); i++) {
            rules.add(java.util.Map.of("record", "dashboard_query_" + i, "expr", queries.get(i)));
        }
        return java.util.Map.of("groups", List.of(java.util.Map.of("name", "dashboard", "rules", rules)));
    }
}
