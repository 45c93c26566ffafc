package dev.rainmaker.deploy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A container's environment from services.yaml as a process on this machine gets it: values kept as written and
 * {@code $(VARIABLE)} expanded as the kubelet does, Secrets' keys ({@code secret/key}) and the pod's name given by the
 * test, and what only makes sense in the cluster (an address, a path) replaced. A variable replaced by {@code null}
 * is left out.
 */
final class PodEnvironment {

    private static final Pattern REFERENCE = Pattern.compile("\\$\\((\\w+)\\)");

    private PodEnvironment() {}

    static Map<String, String> of(Workload workload, Map<String, String> secrets, Map<String, String> replaced) {
        Map<String, String> environment = new LinkedHashMap<>();
        workload.container().path("env").forEach(variable -> {
            String name = variable.path("name").asText();
            if (replaced.containsKey(name)) {
                if (replaced.get(name) != null) {
                    environment.put(name, replaced.get(name));
                }
            } else if (variable.has("value")) {
                environment.put(name, expand(variable.path("value").asText(), environment));
            } else {
                environment.put(name, fromSource(workload, variable.path("valueFrom"), secrets));
            }
        });
        return environment;
    }

    private static String fromSource(Workload workload, JsonNode source, Map<String, String> secrets) {
        JsonNode secret = source.path("secretKeyRef");
        if (!secret.isMissingNode()) {
            String key = secret.path("name").asText() + "/" + secret.path("key").asText();
            if (!secrets.containsKey(key)) {
                throw new IllegalArgumentException(workload.name() + " needs a test value for the Secret key " + key);
            }
            return secrets.get(key);
        }
        if (source.path("fieldRef").path("fieldPath").asText().equals("metadata.name")) {
            return workload.name() + "-0";
        }
        throw new IllegalArgumentException(workload.name() + ": no test value for " + source);
    }

    private static String expand(String value, Map<String, String> environment) {
        Matcher reference = REFERENCE.matcher(value);
        StringBuilder expanded = new StringBuilder();
        while (reference.find()) {
            String name = reference.group(1);
            reference.appendReplacement(
                    expanded, Matcher.quoteReplacement(environment.getOrDefault(name, reference.group())));
        }
        return reference.appendTail(expanded).toString();
    }
}
