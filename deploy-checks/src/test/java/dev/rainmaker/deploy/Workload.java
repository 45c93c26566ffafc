package dev.rainmaker.deploy;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;

/** A Deployment or StatefulSet of deploy/kubernetes/services.yaml: its pod template and its one container. */
record Workload(Manifest manifest) {

    static List<Workload> deployed() {
        return Manifests.deployed().stream()
                .filter(manifest ->
                        manifest.kind().equals("Deployment") || manifest.kind().equals("StatefulSet"))
                .map(Workload::new)
                .toList();
    }

    String name() {
        return manifest.name();
    }

    JsonNode pod() {
        return manifest.body().path("spec").path("template").path("spec");
    }

    JsonNode container() {
        return pod().path("containers").path(0);
    }

    Map<String, String> podLabels() {
        Map<String, String> labels = new TreeMap<>();
        manifest.body()
                .path("spec")
                .path("template")
                .path("metadata")
                .path("labels")
                .properties()
                .forEach(label -> labels.put(label.getKey(), label.getValue().asText()));
        return labels;
    }

    /** The container's environment: each variable's node ({@code value} or {@code valueFrom}), by name. */
    Map<String, JsonNode> environment() {
        Map<String, JsonNode> environment = new TreeMap<>();
        container()
                .path("env")
                .forEach(variable -> environment.put(variable.path("name").asText(), variable));
        return environment;
    }
}
