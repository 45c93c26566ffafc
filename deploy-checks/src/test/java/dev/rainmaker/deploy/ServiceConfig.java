package dev.rainmaker.deploy;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A service's {@code src/main/resources/application.properties}, as the manifests must agree with it: its HTTP port,
 * the topics its channels read and write (their dead-letter topics included), their consumer groups and
 * transactional ids. Lines for a profile ({@code %test.}) are not the deployment's and are left out.
 */
record ServiceConfig(String service, Map<String, String> properties) {

    static final List<String> SERVICES = List.of(
            "droplet-service",
            "bootstrap-service",
            "stack-service",
            "notifier-service",
            "status-service",
            "api-service");

    private static final Pattern CHANNEL = Pattern.compile("mp\\.messaging\\.(incoming|outgoing)\\.([^.]+)\\.(.+)");

    static ServiceConfig of(String service) {
        Properties file = new Properties();
        try (Reader reader = Files.newBufferedReader(
                DeployFiles.ROOT.resolve(service).resolve("src/main/resources/application.properties"))) {
            file.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> properties = new TreeMap<>();
        file.stringPropertyNames().stream()
                .filter(name -> !name.startsWith("%"))
                .forEach(name -> properties.put(name, file.getProperty(name)));
        return new ServiceConfig(service, properties);
    }

    int httpPort() {
        return Integer.parseInt(properties.get("quarkus.http.port"));
    }

    /** The topics of the incoming channels. */
    Set<String> readTopics() {
        return channelValues("incoming", "topic");
    }

    /** The topics of the outgoing channels and the incoming channels' dead-letter topics. */
    Set<String> writtenTopics() {
        Set<String> topics = channelValues("outgoing", "topic");
        topics.addAll(channelValues("incoming", "dead-letter-queue.topic"));
        return topics;
    }

    Set<String> consumerGroups() {
        return channelValues("incoming", "group.id");
    }

    /** Each incoming channel's consumer group and the topic it reads. */
    Map<String, String> topicsByGroup() {
        Map<String, String> topics = new TreeMap<>();
        properties.forEach((name, value) -> {
            Matcher channel = CHANNEL.matcher(name);
            if (channel.matches()
                    && channel.group(1).equals("incoming")
                    && channel.group(3).equals("group.id")) {
                topics.put(value, properties.get("mp.messaging.incoming." + channel.group(2) + ".topic"));
            }
        });
        return topics;
    }

    /** What each outgoing channel's {@code transactional.id} starts with, before any expression in it. */
    Set<String> transactionalIdPrefixes() {
        Set<String> prefixes = new TreeSet<>();
        channelValues("outgoing", "transactional.id").forEach(id -> prefixes.add(id.replaceFirst("\\$\\{.*", "")));
        return prefixes;
    }

    /** Kafka Streams' application id: its consumer group and the prefix of its internal topics. */
    Optional<String> kafkaStreamsApplicationId() {
        return Optional.ofNullable(properties.get("quarkus.kafka-streams.application-id"));
    }

    /**
     * Whether the environment variable sets one of these properties (the environment variable of a property is its
     * name in upper case, every other character an underscore) or is named in one's value ({@code ${VARIABLE:...}}).
     */
    boolean declares(String variable) {
        for (Map.Entry<String, String> property : properties.entrySet()) {
            if (environmentVariableOf(property.getKey()).equals(variable)
                    || property.getValue().matches(".*\\$\\{" + Pattern.quote(variable) + "[:}].*")) {
                return true;
            }
        }
        return false;
    }

    static String environmentVariableOf(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    private Set<String> channelValues(String direction, String attribute) {
        Set<String> values = new TreeSet<>();
        properties.forEach((name, value) -> {
            Matcher channel = CHANNEL.matcher(name);
            if (channel.matches()
                    && channel.group(1).equals(direction)
                    && channel.group(3).equals(attribute)) {
                values.add(value);
            }
        });
        return values;
    }
}
