package dev.rainmaker.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.yaml.snakeyaml.Yaml;

/**
 * deploy/compose.yaml as compose reads it, its merge keys ({@code <<: *anchor}) applied: its services, each with its
 * image, environment, ports, secrets and health check.
 */
record ComposeFile(JsonNode body) {

    static final String KAFKA_NODE = "kafka-";

    private static final Pattern PROJECT_VERSION = Pattern.compile("(?m)^  <version>(.+)</version>$");

    static ComposeFile deployed() {
        // SnakeYAML, not Jackson's YAML reader: Jackson keeps "<<" as a field instead of merging, as compose does.
        Object merged = new Yaml().load(DeployFiles.read(DeployFiles.COMPOSE));
        return new ComposeFile(new ObjectMapper().valueToTree(merged));
    }

    /** The Kafka nodes' service names, {@code kafka-1} on. */
    List<String> kafkaNodes() {
        return services().keySet().stream()
                .filter(name -> name.startsWith(KAFKA_NODE))
                .toList();
    }

    /** The version build.sh tags the images with by default: the project's. */
    static String projectVersion() {
        Matcher version = PROJECT_VERSION.matcher(DeployFiles.read(DeployFiles.ROOT.resolve("pom.xml")));
        if (!version.find()) {
            throw new IllegalStateException("no project version in pom.xml");
        }
        return version.group(1);
    }

    Map<String, JsonNode> services() {
        Map<String, JsonNode> services = new LinkedHashMap<>();
        body.path("services").properties().forEach(service -> services.put(service.getKey(), service.getValue()));
        return services;
    }

    JsonNode service(String name) {
        JsonNode service = body.path("services").path(name);
        if (service.isMissingNode()) {
            throw new IllegalArgumentException("compose.yaml runs no " + name);
        }
        return service;
    }

    Map<String, String> environment(String service) {
        Map<String, String> environment = new LinkedHashMap<>();
        service(service)
                .path("environment")
                .properties()
                .forEach(variable ->
                        environment.put(variable.getKey(), variable.getValue().asText()));
        return environment;
    }

    List<String> ports(String service) {
        return texts(service(service).path("ports"));
    }

    List<String> secrets(String service) {
        return texts(service(service).path("secrets"));
    }

    /** The health check's command, as the shell runs it. */
    String healthCheck(String service) {
        List<String> test = texts(service(service).path("healthcheck").path("test"));
        return test.isEmpty() ? "" : test.getLast();
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(element -> texts.add(element.asText()));
        return texts;
    }
}
