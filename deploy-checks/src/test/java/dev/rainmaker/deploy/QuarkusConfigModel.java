package dev.rainmaker.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The environment variables of every Quarkus configuration property, by extension, as each extension's jar documents
 * them ({@code META-INF/quarkus-config-doc/quarkus-config-model.json}). Only the extensions on deploy-checks' test
 * classpath are known: add an extension's runtime jar there (pom.xml) before setting its variables in a manifest.
 */
final class QuarkusConfigModel {

    private static final String MODEL = "META-INF/quarkus-config-doc/quarkus-config-model.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Set<String>> VARIABLES = load();

    private QuarkusConfigModel() {}

    /** The extensions (artifact ids) that have a property set by {@code variable}. */
    static Set<String> extensionsReading(String variable) {
        Set<String> extensions = new HashSet<>();
        VARIABLES.forEach((extension, variables) -> {
            if (variables.contains(variable)) {
                extensions.add(extension);
            }
        });
        return extensions;
    }

    private static Map<String, Set<String>> load() {
        Map<String, Set<String>> variables = new HashMap<>();
        try {
            for (URL model :
                    Collections.list(QuarkusConfigModel.class.getClassLoader().getResources(MODEL))) {
                try (InputStream in = model.openStream()) {
                    for (JsonNode root : JSON.readTree(in).path("configRoots")) {
                        String extension =
                                root.path("extension").path("artifactId").asText();
                        root.findValues("environmentVariable")
                                .forEach(variable -> variables
                                        .computeIfAbsent(extension, any -> new HashSet<>())
                                        .add(variable.asText()));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return variables;
    }
}
