package dev.rainmaker.deploy;

import java.util.Iterator;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A custom resource's schema as the API server applies it with strict field validation (kubectl's default): an object
 * schema that lists its properties, or none, and does not say {@code x-kubernetes-preserve-unknown-fields: true} or
 * what else it takes ({@code additionalProperties}), takes no other field. Plain JSON Schema would let any field
 * through, so the schema is closed where Kubernetes closes it.
 */
final class ClosedSchema {

    private static final List<String> SUBSCHEMA_LISTS = List.of("allOf", "anyOf", "oneOf");

    private ClosedSchema() {}

    /** Closes {@code schema} and every schema inside it, in place. */
    static void close(JsonNode schema) {
        if (!(schema instanceof ObjectNode object)) {
            return;
        }
        if ("object".equals(object.path("type").asText())
                && !object.has("additionalProperties")
                && !object.path("x-kubernetes-preserve-unknown-fields").asBoolean()) {
            object.put("additionalProperties", false);
        }
        for (Iterator<JsonNode> properties = object.path("properties").elements(); properties.hasNext(); ) {
            close(properties.next());
        }
        close(object.get("items"));
        close(object.get("additionalProperties"));
        close(object.get("not"));
        for (String list : SUBSCHEMA_LISTS) {
            object.path(list).forEach(ClosedSchema::close);
        }
    }
}
