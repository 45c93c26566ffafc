package dev.rainmaker.deploy;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.gson.annotations.SerializedName;
import io.kubernetes.client.custom.IntOrString;
import io.kubernetes.client.custom.Quantity;

/**
 * The JSON Schema of a Kubernetes object, read off the Kubernetes Java client's model classes ({@code
 * io.kubernetes:client-java-api}), which are generated from Kubernetes' OpenAPI document: each object has exactly the
 * fields of its model (the {@code @SerializedName}s, which are the model's {@code openapiFields}) with their types, the
 * model's {@code openapiRequiredFields} are required, and nothing else is allowed, as {@code kubectl apply
 * --validate=strict} (its default) refuses unknown fields. Quantities are strings or numbers, int-or-string fields
 * either, as the API server reads them.
 */
final class KubernetesModelSchema {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String MODELS = "io.kubernetes.client.openapi.models";

    private final ObjectNode definitions = JSON.objectNode();

    private KubernetesModelSchema() {}

    /** A schema document for {@code model}, its definitions under {@code $defs}. */
    static ObjectNode of(Class<?> model) {
        KubernetesModelSchema schema = new KubernetesModelSchema();
        ObjectNode root = schema.reference(model);
        root.set("$defs", schema.definitions);
        return root;
    }

    private ObjectNode schemaOf(Type type) {
        if (type instanceof ParameterizedType generic) {
            Class<?> raw = (Class<?>) generic.getRawType();
            Type[] arguments = generic.getActualTypeArguments();
            if (Collection.class.isAssignableFrom(raw)) {
                ObjectNode array = typed("array");
                array.set("items", schemaOf(arguments[0]));
                return array;
            }
            if (Map.class.isAssignableFrom(raw)) {
                ObjectNode map = typed("object");
                map.set("additionalProperties", schemaOf(arguments[1]));
                return map;
            }
            throw new IllegalArgumentException("no JSON Schema for " + type);
        }
        Class<?> plain = (Class<?>) type;
        if (plain == String.class || plain == OffsetDateTime.class || plain == byte[].class) {
            return typed("string");
        }
        if (plain == Integer.class || plain == Long.class) {
            return typed("integer");
        }
        if (plain == Double.class || plain == Float.class || plain == BigDecimal.class) {
            return typed("number");
        }
        if (plain == Boolean.class) {
            return typed("boolean");
        }
        if (plain == Quantity.class) {
            return eitherOf("string", "number");
        }
        if (plain == IntOrString.class) {
            return eitherOf("integer", "string");
        }
        if (plain == Object.class) {
            return JSON.objectNode();
        }
        if (plain.getPackageName().equals(MODELS)) {
            return reference(plain);
        }
        throw new IllegalArgumentException("no JSON Schema for " + plain.getName());
    }

    private ObjectNode reference(Class<?> model) {
        String name = model.getSimpleName();
        if (!definitions.has(name)) {
            ObjectNode definition = definitions.putObject(name);
            definition.put("type", "object");
            definition.put("additionalProperties", false);
            ObjectNode properties = definition.putObject("properties");
            for (Field field : model.getDeclaredFields()) {
                SerializedName json = field.getAnnotation(SerializedName.class);
                if (json != null && !Modifier.isStatic(field.getModifiers())) {
                    properties.set(json.value(), schemaOf(field.getGenericType()));
                }
            }
            requiredFields(model).forEach(definition.putArray("required")::add);
        }
        ObjectNode reference = JSON.objectNode();
        reference.put("$ref", "#/$defs/" + name);
        return reference;
    }

    @SuppressWarnings("unchecked")
    private static Set<String> requiredFields(Class<?> model) {
        try {
            return (Set<String>) model.getField("openapiRequiredFields").get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(model.getName() + " has no openapiRequiredFields", e);
        }
    }

    private static ObjectNode typed(String type) {
        ObjectNode schema = JSON.objectNode();
        schema.put("type", type);
        return schema;
    }

    private static ObjectNode eitherOf(String first, String second) {
        ObjectNode schema = JSON.objectNode();
        schema.putArray("type").addAll(List.of(JSON.textNode(first), JSON.textNode(second)));
        return schema;
    }
}
