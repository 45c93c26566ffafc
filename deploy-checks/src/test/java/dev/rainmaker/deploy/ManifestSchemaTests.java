package dev.rainmaker.deploy;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every document of every manifest in deploy/kubernetes/ against the schema of its kind, unknown fields refused
 * ({@link ManifestSchemas}); {@link StrictManifestTests} shows that a misspelt field or a wrong type does fail.
 *
 * <p>The schemas, all from Maven Central (versions in deploy-checks' pom.xml):
 *
 * <ul>
 *   <li>Kubernetes' kinds (Deployment, StatefulSet, Service, Ingress, PodDisruptionBudget, ConfigMap) and every custom
 *       resource's {@code metadata}: the Kubernetes Java client's models, {@code io.kubernetes:client-java-api} 25.0.0
 *       (Kubernetes 1.34), generated from Kubernetes' OpenAPI document ({@link KubernetesModelSchema}).
 *   <li>Kafka, KafkaNodePool, KafkaTopic, KafkaUser: the CRDs Strimzi generates from its model,
 *       {@code io.strimzi:api:0.51.0:tests}, version v1beta2 ({@link StrimziCrdSchema}).
 *   <li>PodMonitor, PrometheusRule: prometheus-operator publishes no jar; fabric8's
 *       {@code io.fabric8:openshift-model-monitoring} 6.13.5 carries a JSON Schema generated from its Go types, closed
 *       here ({@link PrometheusOperatorSchema}). It is older than current prometheus-operator releases: a field added
 *       since would be refused, none is let through.
 * </ul>
 *
 * <p>Not checked, because the schemas leave them open: the keys of free-form maps (a Kafka's or KafkaTopic's
 * {@code config}, labels, annotations, a ConfigMap's data), and the CEL rules of Strimzi's CRDs
 * ({@code x-kubernetes-validations}), which only an API server evaluates.
 */
class ManifestSchemaTests {

    @Test
    void everyManifestKeepsToItsSchemaWithNoFieldItDoesNotKnow() {
        List<Manifest> manifests = Manifests.deployed();

        assertThat(manifests)
                .extracting(Manifest::kind)
                .contains("Deployment", "StatefulSet", "Service", "Ingress", "PodDisruptionBudget", "ConfigMap")
                .contains("Kafka", "KafkaNodePool", "KafkaTopic", "KafkaUser", "PodMonitor", "PrometheusRule");
        assertThat(manifests.stream()
                        .flatMap(manifest -> ManifestSchemas.shared().check(manifest).stream())
                        .map(SchemaViolation::toString))
                .isEmpty();
    }
}
