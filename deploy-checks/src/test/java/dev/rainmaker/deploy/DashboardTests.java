package dev.rainmaker.deploy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard's model: queries that still work with a variable at All ({@code .*}), which is how the e2e run
 * evaluates each of them against a real Prometheus, and the variables they use.
 */
class DashboardTests {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{?(\\w+)");

    private final Dashboard dashboard = Dashboard.load();

    @Test
    void isAGrafanaModelOfSchema39WithUniquePanelIds() {
        assertThat(dashboard.model().path("schemaVersion").asInt()).isEqualTo(39);
        assertThat(dashboard.model().path("uid").asText()).isEqualTo("rainmaker-overview");
        Set<Integer> ids = new HashSet<>();
        for (JsonNode panel : dashboard.panels()) {
            assertThat(ids.add(panel.path("id").asInt()))
                    .as("id of %s", panel.path("title"))
                    .isTrue();
        }
    }

    @Test
    void namespaceAndInstanceOfferAllAsAMatchEverythingRegex() {
        assertThat(dashboard.variableNames()).containsExactly("datasource", "namespace", "instance");
        for (String name : List.of("namespace", "instance")) {
            JsonNode variable = dashboard.variable(name);
            assertThat(variable.path("includeAll").asBoolean()).as(name).isTrue();
            assertThat(variable.path("allValue").asText()).as(name).isEqualTo(".*");
            assertThat(variable.path("query").path("query").asText()).as(name).startsWith("label_values(up");
        }
    }

    @Test
    void queriesUseOnlyTheTemplateVariablesAndMatchThemAsRegexes() {
        List<String> queries = dashboard.queries();
        assertThat(queries)
                .hasSizeGreaterThanOrEqualTo(20)
                .allSatisfy(query -> assertThat(query).isNotBlank());
        for (String query : queries) {
            Matcher variables = VARIABLE.matcher(query);
            while (variables.find()) {
                assertThat(variables.group(1)).as("a variable in %s", query).isIn("namespace", "instance");
            }
            assertThat(query).as("no Grafana built-in such as $__rate_interval").doesNotContain("$__");
            if (query.contains("$namespace")) {
                assertThat(query).contains("namespace=~\"$namespace\"");
            }
            if (query.contains("$instance")) {
                assertThat(query).contains("instance=~\"$instance\"");
            }
        }
    }

    @Test
    void everyPanelIsAboutSomethingTheIssueAsksFor() {
        String all = String.join("\n", dashboard.queries());
        assertThat(all)
                .contains("rainmaker_stage_duration_seconds_bucket")
                .contains("rainmaker_customers_in_flight")
                .contains("rainmaker_customers_oldest_in_flight_seconds")
                .contains("rainmaker_dead_letters_total")
                .contains("rainmaker_digitalocean_calls_total")
                .contains("rainmaker_digitalocean_rate_limited_total")
                .contains("rainmaker_ssh_connect_failures_total")
                .contains("rainmaker_notifier_emails_refused_total")
                .contains("kafka_consumer_fetch_manager_records_lag_max")
                .contains("rainmaker:signup_to_ready_seconds:p95");
    }
}
