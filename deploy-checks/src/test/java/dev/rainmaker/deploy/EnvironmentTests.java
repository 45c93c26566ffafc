package dev.rainmaker.deploy;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every environment variable services.yaml sets reaches something the service reads ({@link ServiceVariables}), or a
 * variable another one's value refers to ({@code $(POD_NAME)}).
 */
class EnvironmentTests {

    private static final Pattern REFERENCE = Pattern.compile("\\$\\((\\w+)\\)");

    @Test
    void everyVariableSetsSomethingTheServiceReads() {
        for (Workload workload : Workload.deployed()) {
            Map<String, JsonNode> environment = workload.environment();
            Set<String> referenced = referencedIn(environment);
            for (String variable : environment.keySet()) {
                assertThat(ServiceVariables.reaches(workload.name(), variable) || referenced.contains(variable))
                        .as("%s: %s sets nothing %s reads", workload.manifest().where(), variable, workload.name())
                        .isTrue();
            }
        }
    }

    @Test
    void aMisspeltVariableIsCaught() {
        assertThat(ServiceVariables.reaches("droplet-service", "KAFKA_SASL_JAAS_CONFIG"))
                .isTrue();
        assertThat(ServiceVariables.reaches("droplet-service", "KAFKA_SASL_JASS_CONFIG"))
                .isFalse();
        assertThat(ServiceVariables.reaches("droplet-service", "RAINMAKER_TOPICS_CREATE"))
                .isTrue();
        assertThat(ServiceVariables.reaches("droplet-service", "RAINMAKER_TOPIC_CREATE"))
                .isFalse();
        assertThat(ServiceVariables.reaches("notifier-service", "QUARKUS_MAILER_HOST"))
                .isTrue();
        assertThat(ServiceVariables.reaches("droplet-service", "QUARKUS_MAILER_HOST"))
                .as("droplet-service sends no mail")
                .isFalse();
    }

    private static Set<String> referencedIn(Map<String, JsonNode> environment) {
        Set<String> referenced = new HashSet<>();
        environment.values().forEach(variable -> {
            Matcher reference = REFERENCE.matcher(variable.path("value").asText());
            while (reference.find()) {
                referenced.add(reference.group(1));
            }
        });
        return referenced;
    }
}
