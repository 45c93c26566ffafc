package dev.rainmaker.deploy;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * Whether an environment variable sets something a service reads: a Kafka client setting ({@code KAFKA_*}: Quarkus
 * passes every {@code kafka.*} property to all the service's Kafka clients), a property of a Quarkus extension the
 * service uses, a property of its application.properties or of a {@code @ConfigMapping} of it or its libraries. A
 * misspelt variable is otherwise ignored without a word, wherever it is set (services.yaml, compose.yaml).
 */
final class ServiceVariables {

    private static final Pattern LIBRARY =
            Pattern.compile("<groupId>dev\\.rainmaker</groupId>\\s*<artifactId>([\\w-]+)</artifactId>");
    private static final Pattern EXTENSION = Pattern.compile("<artifactId>(quarkus-[\\w-]+)</artifactId>");

    private ServiceVariables() {}

    static boolean reaches(String service, String variable) {
        if (variable.startsWith("KAFKA_")) {
            return kafkaClientSettings()
                    .contains(variable.substring(6).toLowerCase(Locale.ROOT).replace('_', '.'));
        }
        if (variable.startsWith("QUARKUS_")) {
            Set<String> extensions = QuarkusConfigModel.extensionsReading(variable);
            return extensions.contains("quarkus-core") || extensions.stream().anyMatch(extensionsOf(service)::contains);
        }
        if (ServiceConfig.of(service).declares(variable)) {
            return true;
        }
        for (String module : modulesOf(service)) {
            for (String property : ConfigMappings.of(module)) {
                if (ServiceConfig.environmentVariableOf(property).equals(variable)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Set<String> kafkaClientSettings() {
        Set<String> settings = new HashSet<>(ConsumerConfig.configNames());
        settings.addAll(ProducerConfig.configNames());
        settings.addAll(AdminClientConfig.configNames());
        return settings;
    }

    /** The service and the Rainmaker libraries its pom names. */
    private static Set<String> modulesOf(String service) {
        Set<String> modules = new HashSet<>(Set.of(service));
        Matcher library = LIBRARY.matcher(
                DeployFiles.read(DeployFiles.ROOT.resolve(service).resolve("pom.xml")));
        while (library.find()) {
            modules.add(library.group(1));
        }
        return modules;
    }

    private static Set<String> extensionsOf(String service) {
        Set<String> extensions = new HashSet<>();
        Matcher extension = EXTENSION.matcher(
                DeployFiles.read(DeployFiles.ROOT.resolve(service).resolve("pom.xml")));
        while (extension.find()) {
            extensions.add(extension.group(1));
        }
        return extensions;
    }
}
