package dev.rainmaker.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * How to start one Rainmaker process: its name, its Java command line after {@code java}, configuration given as
 * system properties, secrets given in the environment (never on the command line, where {@code ps} shows them), where
 * its log goes, and the HTTP port its health answers on (0 when it has none).
 */
public record ServiceLaunch(
        String name,
        List<String> javaArguments,
        Map<String, String> systemProperties,
        Map<String, String> environment,
        Path logFile,
        int httpPort) {

    public ServiceLaunch {
        javaArguments = List.copyOf(javaArguments);
        systemProperties = Map.copyOf(systemProperties);
        environment = Map.copyOf(environment);
    }

    /** The same launch with one more (or another) system property. */
    public ServiceLaunch withSystemProperty(String key, String value) {
        Map<String, String> properties = new java.util.HashMap<>(systemProperties);
        properties.put(key, value);
        return new ServiceLaunch(name, javaArguments, properties, environment, logFile, httpPort);
    }
}
