package dev.rainmaker.droplet.client;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import dev.rainmaker.droplet.config.DropletConfig;
import dev.rainmaker.droplet.domain.CatalogueRegion;
import dev.rainmaker.droplet.domain.CatalogueSize;
import dev.rainmaker.droplet.domain.DropletCreation;
import dev.rainmaker.droplet.domain.RemoteDroplet;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpRequest;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;

/** DigitalOcean API v2 over Vert.x' Web Client, blocking the calling (virtual) thread until the answer. */
@ApplicationScoped
public class DigitalOceanClient implements DigitalOceanApi {

    private static final int PER_PAGE = 200;

    private final WebClient webClient;
    private final DropletConfig config;
    private final DigitalOceanCalls calls;

    DigitalOceanClient(Vertx vertx, DropletConfig config, DigitalOceanCalls calls) {
        this.webClient = WebClient.create(vertx, new WebClientOptions().setUserAgent("rainmaker-droplet-service"));
        this.config = config;
        this.calls = calls;
    }

    @PreDestroy
    void close() {
        webClient.close();
    }

    @Override
    public void checkAccount() {
        send(HttpMethod.GET, "/v2/account", null);
    }

    @Override
    public List<CatalogueSize> sizes() {
        return list("/v2/sizes?", "sizes", DigitalOceanJson::size);
    }

    @Override
    public List<CatalogueRegion> regions() {
        return list("/v2/regions?", "regions", DigitalOceanJson::region);
    }

    @Override
    public Set<String> distributionImages() {
        Set<String> slugs = new LinkedHashSet<>();
        list("/v2/images?type=distribution&", "images", DigitalOceanJson::imageSlug)
                .forEach(slug -> slug.ifPresent(slugs::add));
        return slugs;
    }

    @Override
    public List<RemoteDroplet> dropletsTagged(String tag) {
        return list(
                "/v2/droplets?tag_name=" + URLEncoder.encode(tag, StandardCharsets.UTF_8) + "&",
                "droplets",
                DigitalOceanJson::droplet);
    }

    @Override
    public RemoteDroplet create(DropletCreation creation) {
        JsonObject body = send(HttpMethod.POST, "/v2/droplets", DigitalOceanJson.createBody(creation));
        return DigitalOceanJson.droplet(body.getJsonObject("droplet"));
    }

    @Override
    public RemoteDroplet droplet(long id) {
        return DigitalOceanJson.droplet(
                send(HttpMethod.GET, "/v2/droplets/" + id, null).getJsonObject("droplet"));
    }

    private <T> List<T> list(String pathAndQueryPrefix, String key, Function<JsonObject, T> mapper) {
        List<T> items = new ArrayList<>();
        for (int page = 1; ; page++) {
            JsonObject body = send(HttpMethod.GET, pathAndQueryPrefix + "per_page=" + PER_PAGE + "&page=" + page, null);
            List<JsonObject> pageItems =
                    body.getJsonArray(key).stream().map(JsonObject.class::cast).toList();
            pageItems.stream().map(mapper).forEach(items::add);
            int total = body.getJsonObject("meta", new JsonObject()).getInteger("total", items.size());
            if (pageItems.isEmpty() || items.size() >= total) {
                return items;
            }
        }
    }

    private JsonObject send(HttpMethod method, String pathAndQuery, JsonObject body) {
        String call = method.name() + " " + pathAndQuery.replaceFirst("\\?.*", "");
        HttpRequest<Buffer> request = webClient
                .requestAbs(method, config.apiUrl() + pathAndQuery)
                .timeout(config.requestTimeout().toMillis())
                .putHeader("Accept", "application/json");
        config.token().ifPresent(request::bearerTokenAuthentication);
        HttpResponse<Buffer> response;
        try {
            Uni<HttpResponse<Buffer>> answer = body == null ? request.send() : request.sendJsonObject(body);
            response = answer.await().atMost(config.requestTimeout().plusSeconds(5));
        } catch (RuntimeException e) {
            calls.count(method.name(), "no-answer");
            Throwable reason = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            throw new DigitalOceanException(
                    call + ": no answer from DigitalOcean at " + config.apiUrl() + " (" + reason + ")", 0, true, e);
        }
        int status = response.statusCode();
        calls.count(method.name(), DigitalOceanCalls.outcome(status));
        if (status >= 200 && status < 300) {
            return status == 204 ? new JsonObject() : json(call, response);
        }
        throw failure(call, response);
    }

    private static JsonObject json(String call, HttpResponse<Buffer> response) {
        try {
            return response.bodyAsJsonObject();
        } catch (DecodeException e) {
            throw new DigitalOceanException(
                    call + ": DigitalOcean answered " + response.statusCode() + " with a body that is not JSON",
                    response.statusCode(),
                    true,
                    e);
        }
    }

    private static DigitalOceanException failure(String call, HttpResponse<Buffer> response) {
        int status = response.statusCode();
        String detail = errorDetail(response);
        boolean transientFailure = status == 429 || status >= 500;
        String hint = switch (status) {
            case 401 -> "; the API token (rainmaker.droplet.token) is missing, wrong or revoked";
            case 403 -> "; the API token lacks the scope for this call";
            case 429 -> "; rate limit reached, resets at epoch second " + response.getHeader("ratelimit-reset");
            default -> "";
        };
        return new DigitalOceanException(
                call + ": DigitalOcean answered " + status + " " + detail + hint, status, transientFailure, null);
    }

    private static String errorDetail(HttpResponse<Buffer> response) {
        try {
            JsonObject error = response.bodyAsJsonObject();
            if (error != null && error.containsKey("id")) {
                return "(" + error.getString("id") + ": " + error.getString("message") + ")";
            }
        } catch (DecodeException e) {
            // Not DigitalOcean's error shape: a proxy or load balancer answered.
        }
        return "(no DigitalOcean error body)";
    }
}
