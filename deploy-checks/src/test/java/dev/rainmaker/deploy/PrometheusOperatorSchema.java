package dev.rainmaker.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The schema of a prometheus-operator resource ({@code monitoring.coreos.com/v1}: PodMonitor, PrometheusRule). No jar
 * on Maven Central carries prometheus-operator's own CRDs; fabric8's {@code openshift-model-monitoring} 6.x carries a
 * JSON Schema ({@code schema/kube-schema.json}) its model classes were generated from, itself generated from
 * prometheus-operator's Go types (the 7.x line no longer ships it). That schema lets every object take any field
 * ({@code additionalProperties: true}, where fabric8's classes keep unknown fields) and models int-or-string and
 * quantities as the Java objects they become. So: every object that is a model class is closed, those two are what
 * the API takes, and {@code metadata} is left to {@link KubernetesModelSchema}. Its age shows in fields added to
 * prometheus-operator since (they would be refused), never in fields let through.
 */
final class PrometheusOperatorSchema {

    static final String GROUP = "monitoring.coreos.com";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String JAR = "openshift-model-monitoring";
    private static final Map<String, String> KINDS = Map.of(
            "PodMonitor", "os_monitoring_v1_PodMonitor",
            "PrometheusRule", "os_monitoring_v1_PrometheusRule");

    private PrometheusOperatorSchema() {}

    static Optional<ObjectNode> of(String kind, String version) {
        String definition = KINDS.get(kind);
        if (definition == null || !version.equals("v1")) {
            return Optional.empty();
        }
        ObjectNode definitions = (ObjectNode) read().path("definitions");
        definitions.properties().forEach(entry -> asTheApiReadsIt(entry.getKey(), (ObjectNode) entry.getValue()));
        definitions.properties().forEach(entry -> ClosedSchema.close(entry.getValue()));
        ((ObjectNode) definitions.path(definition).path("properties")).putObject("metadata");

        ObjectNode schema = JSON.objectNode();
        schema.put("$ref", "#/definitions/" + definition);
        schema.set("definitions", definitions);
        return Optional.of(schema);
    }

    private static void asTheApiReadsIt(String name, ObjectNode definition) {
        String javaType = definition
                .path("existingJavaType")
                .asText(definition.path("javaType").asText());
        if (javaType.endsWith(".IntOrString")) {
            replace(definition, JSON.arrayNode().add("integer").add("string"));
        } else if (javaType.endsWith(".Quantity")) {
            replace(definition, JSON.arrayNode().add("string").add("number"));
        } else if (javaType.endsWith(".JsonNode")
                || javaType.endsWith(".KubernetesResource")
                || name.endsWith("_FieldsV1")) {
            definition.removeAll();
        } else if (definition.path("additionalProperties").isBoolean() && !javaType.isEmpty()) {
            definition.remove("additionalProperties");
        }
        // fabric8 marks apiVersion and kind "required": true in the style of JSON Schema draft 3.
        definition.path("properties").forEach(property -> ((ObjectNode) property).remove("required"));
    }

    private static void replace(ObjectNode definition, JsonNode types) {
        definition.removeAll();
        definition.set("type", types);
    }

    private static JsonNode read() {
        try {
            for (URL schema : Collections.list(
                    PrometheusOperatorSchema.class.getClassLoader().getResources("schema/kube-schema.json"))) {
                if (schema.toString().contains(JAR)) {
                    try (InputStream in = schema.openStream()) {
                        return MAPPER.readTree(in);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException("schema/kube-schema.json of io.fabric8:" + JAR + " is not on the classpath");
    }
}
