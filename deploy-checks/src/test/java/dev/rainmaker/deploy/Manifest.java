package dev.rainmaker.deploy;

import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;

/** One document of a manifest file: a Kubernetes object as written, and where it was written. */
record Manifest(Path file, int document, JsonNode body) {

    String apiVersion() {
        return body.path("apiVersion").asText();
    }

    String kind() {
        return body.path("kind").asText();
    }

    String name() {
        return body.path("metadata").path("name").asText();
    }

    /** {@code deploy/kubernetes/services.yaml, document 3 (Deployment droplet-service)}. */
    String where() {
        Path shown = file.startsWith(DeployFiles.ROOT) ? DeployFiles.ROOT.relativize(file) : file;
        return shown + ", document " + document + " (" + kind() + " " + name() + ")";
    }
}
