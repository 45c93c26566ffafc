package dev.rainmaker.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1Ingress;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudget;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1StatefulSet;

/**
 * Holds each manifest to the schema of its apiVersion and kind, unknown fields refused everywhere: Kubernetes' own
 * kinds to {@link KubernetesModelSchema}, Strimzi's to {@link StrimziCrdSchema}, prometheus-operator's to
 * {@link PrometheusOperatorSchema}, a custom resource's {@code metadata} to Kubernetes' ObjectMeta. A kind none of them
 * knows is a violation too: add its schema here before using it.
 */
final class ManifestSchemas {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            registry -> registry.schemaRegistryConfig(
                    SchemaRegistryConfig.builder().pathType(PathType.JSON_PATH).build()));
    private static final Map<String, Class<?>> KUBERNETES = Map.of(
            "apps/v1 Deployment", V1Deployment.class,
            "apps/v1 StatefulSet", V1StatefulSet.class,
            "v1 Service", V1Service.class,
            "v1 ConfigMap", V1ConfigMap.class,
            "v1 Secret", V1Secret.class,
            "networking.k8s.io/v1 Ingress", V1Ingress.class,
            "policy/v1 PodDisruptionBudget", V1PodDisruptionBudget.class);
    private static final ManifestSchemas SHARED = new ManifestSchemas();

    private final Map<String, Optional<Schema>> schemas = new ConcurrentHashMap<>();
    private final Schema objectMeta = compile(KubernetesModelSchema.of(V1ObjectMeta.class));

    private ManifestSchemas() {}

    /** The schemas, compiled once for every test. */
    static ManifestSchemas shared() {
        return SHARED;
    }

    List<SchemaViolation> check(Manifest manifest) {
        String type = manifest.apiVersion() + " " + manifest.kind();
        Optional<Schema> schema = schemas.computeIfAbsent(type, ManifestSchemas::schemaOf);
        if (schema.isEmpty()) {
            return List.of(new SchemaViolation(
                    manifest, "$", "no schema for apiVersion " + manifest.apiVersion() + " kind " + manifest.kind()));
        }
        List<SchemaViolation> violations = new ArrayList<>();
        violations.addAll(violations(manifest, "$", schema.get(), manifest.body()));
        if (!KUBERNETES.containsKey(type)) {
            violations.addAll(violations(
                    manifest, "$.metadata", objectMeta, manifest.body().path("metadata")));
        }
        return violations;
    }

    private static List<SchemaViolation> violations(Manifest manifest, String at, Schema schema, JsonNode node) {
        List<SchemaViolation> violations = new ArrayList<>();
        for (Error error : schema.validate(node.toString(), InputFormat.JSON)) {
            String location = error.getInstanceLocation().toString();
            String path = at + (location.startsWith("$") ? location.substring(1) : location);
            violations.add(new SchemaViolation(manifest, path, error.getMessage()));
        }
        return violations;
    }

    private static Optional<Schema> schemaOf(String type) {
        if (KUBERNETES.containsKey(type)) {
            return Optional.of(compile(KubernetesModelSchema.of(KUBERNETES.get(type))));
        }
        String[] apiVersionAndKind = type.split(" ", 2);
        String[] groupAndVersion = apiVersionAndKind[0].split("/", 2);
        if (groupAndVersion.length < 2) {
            return Optional.empty();
        }
        Optional<ObjectNode> schema = switch (groupAndVersion[0]) {
            case StrimziCrdSchema.GROUP -> StrimziCrdSchema.of(apiVersionAndKind[1], groupAndVersion[1]);
            case PrometheusOperatorSchema.GROUP ->
                PrometheusOperatorSchema.of(apiVersionAndKind[1], groupAndVersion[1]);
            default -> Optional.empty();
        };
        return schema.map(ManifestSchemas::compile);
    }

    private static Schema compile(ObjectNode schema) {
        return REGISTRY.getSchema(schema.toString(), InputFormat.JSON);
    }
}
