package dev.rainmaker.deploy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What every alert of deploy/prometheus/rules.yaml carries, and that promtool's unit tests cover each of them. */
class AlertRulesTests {

    private static final Pattern RUNBOOK = Pattern.compile("docs/runbooks\\.md#([a-z0-9-]+)");
    private static final Pattern DURATION = Pattern.compile("\\d+[smh]");

    private final List<JsonNode> alerts = alerts();

    @Test
    void everyAlertHasASeverityAFor() {
        assertThat(alerts).hasSizeGreaterThanOrEqualTo(10);
        for (JsonNode alert : alerts) {
            String name = alert.path("alert").asText();
            assertThat(alert.path("labels").path("severity").asText())
                    .as("severity of %s", name)
                    .isIn("page", "warning");
            assertThat(alert.path("for").asText())
                    .as("for: of %s, a plain duration a test overlay can shorten", name)
                    .matches(DURATION);
            assertThat(alert.path("annotations").path("summary").asText())
                    .as("summary of %s", name)
                    .isNotBlank();
        }
    }

    @Test
    void everyAlertLinksToItsOwnSectionOfTheRunbooks() {
        Set<String> anchors = runbookAnchors();
        for (JsonNode alert : alerts) {
            String name = alert.path("alert").asText();
            Matcher link = RUNBOOK.matcher(
                    alert.path("annotations").path("runbook_url").asText());
            assertThat(link.matches()).as("runbook_url of %s", name).isTrue();
            assertThat(link.group(1)).as("anchor of %s", name).isEqualTo(name.toLowerCase(Locale.ROOT));
            assertThat(anchors).as("sections of docs/runbooks.md").contains(link.group(1));
        }
    }

    @Test
    void everyAlertIsUnitTestedBothFiringAndQuiet() {
        Set<String> firing = new HashSet<>();
        Set<String> quiet = new HashSet<>();
        for (JsonNode test : DeployFiles.yaml(DeployFiles.RULE_TESTS).path("tests")) {
            for (JsonNode check : test.path("alert_rule_test")) {
                String name = check.path("alertname").asText();
                (check.path("exp_alerts").isEmpty() ? quiet : firing).add(name);
            }
        }
        List<String> names = alerts.stream().map(a -> a.path("alert").asText()).toList();

        assertThat(firing).as("alerts tested firing").containsAll(names);
        assertThat(quiet).as("alerts tested quiet").containsAll(names);
    }

    private static List<JsonNode> alerts() {
        List<JsonNode> alerts = new ArrayList<>();
        for (JsonNode group : DeployFiles.yaml(DeployFiles.RULES).path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                if (rule.has("alert")) {
                    alerts.add(rule);
                }
            }
        }
        return alerts;
    }

    /** GitHub's anchors of the runbook's headings: lower case, punctuation dropped, spaces as hyphens. */
    private static Set<String> runbookAnchors() {
        Set<String> anchors = new HashSet<>();
        for (String line : DeployFiles.read(DeployFiles.RUNBOOKS).lines().toList()) {
            if (line.startsWith("#")) {
                anchors.add(line.replaceFirst("^#+\\s*", "")
                        .toLowerCase(Locale.ROOT)
                        .replaceAll("[^a-z0-9 -]", "")
                        .replace(' ', '-'));
            }
        }
        return anchors;
    }
}
