package dev.rainmaker.deploy;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The schema check refuses what kubectl's strict validation refuses: each fixture in src/test/resources/manifests/ has
 * one mistake (a misspelt field, a wrong type, an unknown kind) in a Kubernetes kind, a Strimzi kind, a custom
 * resource's metadata or a prometheus-operator kind, and the check must name the field and the file.
 */
class StrictManifestTests {

    private static final Path FIXTURES = Path.of("src/test/resources/manifests").toAbsolutePath();

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
        "misspelt-deployment.yaml, replica",
        "misspelt-deployment.yaml, securityContex",
        "wrong-type.yaml, replicas",
        "wrong-type-kafka-topic.yaml, partitions",
        "misspelt-kafka-user.yaml, oprations",
        "misspelt-kafka.yaml, authentification",
        "misspelt-metadata.yaml, lables",
        "misspelt-prometheus-rule.yaml, expression",
        "misspelt-config-map.yaml, datas",
        "unknown-kind.yaml, Deploymnet",
    })
    void aMistakeFailsTheCheckNamingTheFieldAndTheFile(String fixture, String field) {
        List<String> violations = violations(fixture);

        assertThat(violations)
                .as("violations of %s", fixture)
                .anySatisfy(violation -> assertThat(violation).contains(fixture).contains(field));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "wrong-type.yaml, 'string found, integer expected'",
        "wrong-type-kafka-topic.yaml, 'string found, integer expected'",
    })
    void aWrongTypeSaysWhatWasExpected(String fixture, String expected) {
        assertThat(violations(fixture))
                .anySatisfy(violation -> assertThat(violation).contains(expected));
    }

    private static List<String> violations(String fixture) {
        return Manifests.in(FIXTURES.resolve(fixture)).stream()
                .flatMap(manifest -> ManifestSchemas.shared().check(manifest).stream())
                .map(SchemaViolation::toString)
                .toList();
    }
}
