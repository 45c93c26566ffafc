package dev.rainmaker.deploy;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each service's Deployment (status-service's StatefulSet) against the service and against the rules every pod
 * follows: the port and probes Quarkus serves, a disruption budget, resources, a locked-down pod, Secrets readable by
 * the images' user alone.
 */
class WorkloadTests {

    /** The images' user (deploy/images/Containerfile). */
    private static final int IMAGE_USER = 10001;
    /** 0440: read by the owner (root) and the group (fsGroup), by nobody else, written by none. */
    private static final int SECRET_FILE_MODE = 0440;

    private final List<Workload> workloads = Workload.deployed();

    @Test
    void everyServiceRunsAndNothingElse() {
        assertThat(workloads).extracting(Workload::name).containsExactlyInAnyOrderElementsOf(ServiceConfig.SERVICES);
    }

    @Test
    void theContainerPortAndTheProbesAreTheServicesHttpPortAndQuarkusHealthPaths() {
        for (Workload workload : workloads) {
            int port = ServiceConfig.of(workload.name()).httpPort();
            JsonNode container = workload.container();

            assertThat(container.path("ports"))
                    .as("%s: one port, named http (the PodMonitor scrapes it by name)", workload.name())
                    .singleElement()
                    .satisfies(declared -> {
                        assertThat(declared.path("name").asText()).isEqualTo("http");
                        assertThat(declared.path("containerPort").asInt()).isEqualTo(port);
                    });
            assertThat(probe(container, "readinessProbe")).as(workload.name()).isEqualTo("/q/health/ready:" + port);
            assertThat(probe(container, "livenessProbe")).as(workload.name()).isEqualTo("/q/health/live:" + port);
            assertThat(workload.manifest()
                            .body()
                            .path("spec")
                            .path("template")
                            .path("metadata")
                            .path("annotations")
                            .path("prometheus.io/port")
                            .asText())
                    .as(workload.name())
                    .isEqualTo(String.valueOf(port));
        }
    }

    @Test
    void everyWorkloadHasADisruptionBudgetSelectingItsPods() {
        List<Manifest> budgets = Manifests.ofKind("PodDisruptionBudget");
        for (Workload workload : workloads) {
            assertThat(budgets)
                    .as("PodDisruptionBudgets selecting %s's pods", workload.name())
                    .filteredOn(budget -> selects(budget, workload.podLabels()))
                    .singleElement()
                    .satisfies(budget -> assertThat(budget.body()
                                    .path("spec")
                                    .path("maxUnavailable")
                                    .asInt())
                            .isEqualTo(1));
        }
        assertThat(budgets).hasSameSizeAs(workloads);
    }

    @Test
    void everyContainerRequestsCpuAndMemoryAndIsLimitedInMemory() {
        for (Workload workload : workloads) {
            JsonNode resources = workload.container().path("resources");
            assertThat(resources.path("requests").path("cpu").asText())
                    .as(workload.name())
                    .isNotBlank();
            assertThat(resources.path("requests").path("memory").asText())
                    .as(workload.name())
                    .isNotBlank();
            assertThat(mebibytes(resources.path("requests").path("memory").asText()))
                    .as("%s: memory request within the limit", workload.name())
                    .isLessThanOrEqualTo(
                            mebibytes(resources.path("limits").path("memory").asText()));
        }
    }

    @Test
    void podsRunAsTheImagesUserNonRootOnAReadOnlyRootWithNoCapabilities() {
        for (Workload workload : workloads) {
            JsonNode pod = workload.pod().path("securityContext");
            JsonNode container = workload.container().path("securityContext");

            assertThat(pod.path("runAsNonRoot").asBoolean()).as(workload.name()).isTrue();
            assertThat(pod.path("runAsUser").asInt()).as(workload.name()).isEqualTo(IMAGE_USER);
            assertThat(pod.path("fsGroup").asInt()).as(workload.name()).isEqualTo(IMAGE_USER);
            assertThat(pod.path("seccompProfile").path("type").asText())
                    .as(workload.name())
                    .isEqualTo("RuntimeDefault");
            assertThat(container.path("readOnlyRootFilesystem").asBoolean())
                    .as(workload.name())
                    .isTrue();
            assertThat(container.path("allowPrivilegeEscalation").asBoolean(true))
                    .as(workload.name())
                    .isFalse();
            assertThat(container.path("capabilities").path("drop").toString())
                    .as(workload.name())
                    .contains("\"ALL\"");
        }
    }

    @Test
    void secretsAreMountedReadableByTheFsGroupOnly() {
        for (Workload workload : workloads) {
            for (JsonNode volume : workload.pod().path("volumes")) {
                if (volume.has("secret")) {
                    assertThat(volume.path("secret").path("defaultMode").asInt())
                            .as(
                                    "%s, volume %s: mode 0440 (octal)",
                                    workload.name(), volume.path("name").asText())
                            .isEqualTo(SECRET_FILE_MODE);
                }
            }
        }
    }

    @Test
    void secretsReachTheServicesByReferenceOnly() {
        for (Workload workload : workloads) {
            for (Map.Entry<String, JsonNode> variable : workload.environment().entrySet()) {
                if (variable.getKey().matches(".*(PASSWORD|TOKEN|SECRET|JAAS).*")) {
                    assertThat(variable.getValue().has("valueFrom"))
                            .as("%s: %s comes from a Secret", workload.name(), variable.getKey())
                            .isTrue();
                }
            }
        }
    }

    private static String probe(JsonNode container, String probe) {
        JsonNode get = container.path(probe).path("httpGet");
        return get.path("path").asText() + ":" + get.path("port").asText();
    }

    private static boolean selects(Manifest budget, Map<String, String> labels) {
        Map<String, String> wanted = new TreeMap<>();
        budget.body()
                .path("spec")
                .path("selector")
                .path("matchLabels")
                .properties()
                .forEach(label -> wanted.put(label.getKey(), label.getValue().asText()));
        return !wanted.isEmpty() && labels.entrySet().containsAll(wanted.entrySet());
    }

    private static long mebibytes(String quantity) {
        if (quantity.endsWith("Gi")) {
            return Long.parseLong(quantity.substring(0, quantity.length() - 2)) * 1024;
        }
        if (quantity.endsWith("Mi")) {
            return Long.parseLong(quantity.substring(0, quantity.length() - 2));
        }
        throw new IllegalArgumentException("not in Mi or Gi: " + quantity);
    }
}
