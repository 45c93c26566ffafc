package dev.rainmaker.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The schema of a Strimzi custom resource: the {@code openAPIV3Schema} of the CRD Strimzi generates from its API
 * model, for the resource's API version, closed as the API server closes it ({@link ClosedSchema}). The CRDs come from
 * Strimzi's api test jar ({@code io.strimzi:api:<version>:tests}, {@code crds/v1beta2/}), generated from that release's
 * model classes with the same generator and options as the CRDs Strimzi installs. {@code metadata} is left to
 * {@link KubernetesModelSchema} (a CRD says only that it is an object).
 */
final class StrimziCrdSchema {

    static final String GROUP = "kafka.strimzi.io";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Map<String, String> CRDS = Map.of(
            "Kafka", "040-Crd-kafka.yaml",
            "KafkaTopic", "043-Crd-kafkatopic.yaml",
            "KafkaUser", "044-Crd-kafkauser.yaml",
            "KafkaNodePool", "045-Crd-kafkanodepool.yaml");

    private StrimziCrdSchema() {}

    /** The schema of {@code kind} at {@code version} ({@code v1beta2}), if Strimzi defines one. */
    static Optional<ObjectNode> of(String kind, String version) {
        String crd = CRDS.get(kind);
        if (crd == null) {
            return Optional.empty();
        }
        for (JsonNode served : read("crds/v1beta2/" + crd).path("spec").path("versions")) {
            if (served.path("name").asText().equals(version)) {
                ObjectNode schema = (ObjectNode) served.path("schema").path("openAPIV3Schema");
                ((ObjectNode) schema.path("properties")).putObject("metadata");
                ClosedSchema.close(schema);
                return Optional.of(schema);
            }
        }
        return Optional.empty();
    }

    private static JsonNode read(String resource) {
        try (InputStream crd = StrimziCrdSchema.class.getClassLoader().getResourceAsStream(resource)) {
            if (crd == null) {
                throw new IllegalStateException(
                        resource + " is not on the classpath: it comes with io.strimzi:api:tests");
            }
            return YAML.readTree(crd);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
