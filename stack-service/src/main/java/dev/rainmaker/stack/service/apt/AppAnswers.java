package dev.rainmaker.stack.service.apt;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rainmaker.hostaccess.CommandOutput;
import dev.rainmaker.stack.service.HostStep;

/** The customer's app answers through nginx and PHP-FPM and reaches both MariaDB and memcached. A verification. */
public record AppAnswers() implements HostStep {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String name() {
        return "the app at http://127.0.0.1/ reaches MariaDB and memcached";
    }

    @Override
    public String check() {
        return "curl -fsS http://127.0.0.1/";
    }

    @Override
    public boolean satisfiedBy(CommandOutput output) {
        if (!output.succeeded()) {
            return false;
        }
        try {
            JsonNode status = JSON.readTree(output.stdout());
            return status != null
                    && "ok".equals(status.path("database").asText())
                    && "ok".equals(status.path("memcached").asText());
        } catch (JsonProcessingException notJson) {
            return false;
        }
    }

    @Override
    public List<String> apply() {
        return List.of();
    }
}
