package dev.rainmaker.api.client;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rainmaker.api.config.ApiConfig;
import dev.rainmaker.api.domain.StatusCustomer;
import dev.rainmaker.api.service.DoorUnavailableException;
import dev.rainmaker.api.service.StatusView;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;
import org.jboss.logging.Logger;

/** status-service's {@code GET /api/customers/{id}}, as a viewer (HTTP Basic). */
@ApplicationScoped
public class StatusClient implements StatusView {

    private static final Logger LOG = Logger.getLogger(StatusClient.class);

    private final WebClient http;
    private final URI base;
    private final String user;
    private final String password;
    private final Duration timeout;
    private final ObjectMapper json;

    StatusClient(Vertx vertx, ApiConfig config, ObjectMapper json) {
        this.json = json;
        this.http = WebClient.create(vertx, new WebClientOptions().setFollowRedirects(false));
        this.base = config.status().url();
        this.user = config.status().user();
        this.password = config.status().password();
        this.timeout = config.status().timeout();
    }

    @PreDestroy
    void close() {
        http.close();
    }

    @Override
    public Optional<StatusCustomer> customer(String customerId) {
        URI uri = base.resolve("/api/customers/" + customerId);
        HttpResponse<Buffer> answer;
        try {
            answer = http.getAbs(uri.toString())
                    .basicAuthentication(user, password)
                    .putHeader("Accept", "application/json")
                    .timeout(timeout.toMillis())
                    .send()
                    .await()
                    .atMost(timeout.plusSeconds(1));
        } catch (RuntimeException e) {
            LOG.warnf("status-service did not answer GET %s: %s", uri.getPath(), e.getMessage());
            throw new DoorUnavailableException("the customers' states cannot be read right now; retry shortly");
        }
        return switch (answer.statusCode()) {
            case 200 -> Optional.of(read(answer));
            case 404 -> Optional.empty();
            default -> {
                LOG.warnf("status-service answered GET %s with HTTP %d", uri.getPath(), answer.statusCode());
                throw new DoorUnavailableException("the customers' states cannot be read right now; retry shortly");
            }
        };
    }

    private StatusCustomer read(HttpResponse<Buffer> answer) {
        try {
            return json.readValue(answer.bodyAsString(), StatusCustomer.class);
        } catch (JsonProcessingException e) {
            throw new DoorUnavailableException("status-service answered a customer this door cannot read");
        }
    }
}
