package dev.rainmaker.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.rainmaker.localcloud.LocalCloudInfo;
import dev.rainmaker.localcloud.LocalPorts;

/** The four services, configured to run against a local cloud: one launch each, built from the local cloud's info. */
public final class PipelineServices {

    public static final List<String> NAMES =
            List.of("droplet-service", "bootstrap-service", "stack-service", "notifier-service");

    private PipelineServices() {}

    /** One launch per service; {@code instance} tells two instances of the same service apart (ports, logs). */
    public static List<ServiceLaunch> launches(Path repository, LocalCloudInfo cloud, Path logDirectory, int instance) {
        return NAMES.stream()
                .map(name -> launch(repository, cloud, logDirectory, name, instance))
                .toList();
    }

    public static ServiceLaunch launch(
            Path repository, LocalCloudInfo cloud, Path logDirectory, String name, int instance) {
        Path jar = repository.resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build first (./mvnw -DskipTests package)");
        }
        int httpPort = LocalPorts.free();
        Map<String, String> properties = new HashMap<>();
        properties.put("kafka.bootstrap.servers", cloud.kafkaBootstrapServers());
        properties.put("quarkus.http.port", String.valueOf(httpPort));
        properties.put("quarkus.http.host", "127.0.0.1");
        Map<String, String> environment = new HashMap<>();
        switch (name) {
            case "droplet-service" -> {
                properties.put("rainmaker.droplet.api-url", cloud.digitalOceanUrl());
                properties.put(
                        "rainmaker.droplet.provisioning-public-key-file",
                        cloud.provisioningPublicKey().toString());
                properties.put("rainmaker.droplet.poll-interval", "500ms");
                environment.put("DIGITALOCEAN_TOKEN", cloud.digitalOceanToken());
            }
            case "bootstrap-service", "stack-service" -> {
                properties.put("rainmaker.ssh.port", String.valueOf(cloud.sshPort()));
                properties.put(
                        "rainmaker.ssh.private-key-file",
                        cloud.provisioningPrivateKey().toString());
                if (name.equals("stack-service")) {
                    properties.put("rainmaker.stack.app-port", String.valueOf(cloud.appPort()));
                }
            }
            case "notifier-service" -> {
                properties.put("quarkus.mailer.host", "127.0.0.1");
                properties.put("quarkus.mailer.port", String.valueOf(cloud.smtpPort()));
                // Stable per instance, so that a restarted instance aborts the transaction its predecessor left open.
                properties.put(
                        "mp.messaging.outgoing.customers-ready-out.transactional.id", "notifier-service-" + instance);
            }
            default -> throw new IllegalArgumentException("unknown service " + name);
        }
        return new ServiceLaunch(
                name + "-" + instance,
                List.of("-Xmx256m", "-jar", jar.toString()),
                properties,
                environment,
                logDirectory.resolve(name + "-" + instance + ".log"),
                httpPort);
    }
}
