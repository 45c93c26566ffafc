package dev.rainmaker.deploy;

import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * deploy/kubernetes/prometheus-rule.yaml and grafana-dashboard.yaml are generated from deploy/prometheus/rules.yaml
 * and deploy/grafana/rainmaker.json by deploy/generate.sh: the committed files must be what it writes now.
 */
class GeneratedManifestsTests {

    private static final String STALE = "is stale: run deploy/generate.sh and commit the result";

    @Test
    void theCommittedManifestsAreWhatTheGeneratorWritesFromTheirSources(@TempDir Path fresh) {
        Command generate = Command.run("bash", DeployFiles.GENERATOR.toString(), fresh.toString());
        assertThat(generate.exitStatus()).as(generate.describe()).isZero();

        for (String manifest : new String[] {"prometheus-rule.yaml", "grafana-dashboard.yaml"}) {
            assertThat(DeployFiles.read(DeployFiles.KUBERNETES.resolve(manifest)))
                    .as("deploy/kubernetes/" + manifest + " " + STALE)
                    .isEqualTo(DeployFiles.read(fresh.resolve(manifest)));
        }
    }

    @Test
    void thePrometheusRuleCarriesExactlyTheRules() {
        JsonNode rule = DeployFiles.yaml(DeployFiles.KUBERNETES.resolve("prometheus-rule.yaml"));

        assertThat(rule.path("kind").asText()).isEqualTo("PrometheusRule");
        assertThat(rule.path("spec")).isEqualTo(DeployFiles.yaml(DeployFiles.RULES));
    }

    @Test
    void theConfigMapCarriesExactlyTheDashboard() {
        JsonNode configMap = DeployFiles.yaml(DeployFiles.KUBERNETES.resolve("grafana-dashboard.yaml"));

        assertThat(configMap.path("kind").asText()).isEqualTo("ConfigMap");
        assertThat(configMap
                        .path("metadata")
                        .path("labels")
                        .path("grafana_dashboard")
                        .asText())
                .isEqualTo("1");
        assertThat(DeployFiles.json(
                        configMap.path("data").path("rainmaker.json").asText()))
                .isEqualTo(DeployFiles.json(DeployFiles.DASHBOARD));
    }
}
