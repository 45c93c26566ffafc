package dev.rainmaker.droplet.client;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
import dev.rainmaker.droplet.domain.CloudFirewall;
import dev.rainmaker.droplet.domain.DropletBatch;
import dev.rainmaker.droplet.domain.RemoteDroplet;
import dev.rainmaker.droplet.service.DigitalOceanApi;
import dev.rainmaker.droplet.service.DigitalOceanException;
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
import org.jboss.logging.Logger;

/**
 * DigitalOcean API v2 over Vert.x' Web Client, blocking the calling (virtual) thread until the answer. Every request
 * first takes its place in this instance's {@link RequestBudget}; a 429 pauses all requests until its
 * {@code retry-after} and is then sent again (DigitalOcean did not act on it), so it never fails a call.
 */
@ApplicationScoped
public class DigitalOceanClient implements DigitalOceanApi {

    private static final Logger LOG = Logger.getLogger(DigitalOceanClient.class);
    private static final int PER_PAGE = 200;
    private static final Duration SHORTEST_RATE_LIMIT_PAUSE = Duration.ofSeconds(1);

    private final WebClient webClient;
    private final DropletConfig config;
    private final DigitalOceanCalls calls;
    private final TokenStatus tokenStatus;
    private final RequestBudget budget;
    private final Clock clock = Clock.systemUTC();

    public DigitalOceanClient(Vertx vertx, DropletConfig config, DigitalOceanCalls calls, TokenStatus tokenStatus) {
        this.webClient = WebClient.create(vertx, new WebClientOptions().setUserAgent("rainmaker-droplet-service"));
        this.config = config;
        this.calls = calls;
        this.tokenStatus = tokenStatus;
        DropletConfig.RateLimit limits = config.rateLimit();
        int instances = Math.max(1, limits.instances());
        this.budget = new RequestBudget(
                Math.max(1, limits.perMinute() / instances), Math.max(1, limits.perHour() / instances), clock);
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
    public List<RemoteDroplet> dropletsNamed(String name) {
        return list(
                "/v2/droplets?name=" + URLEncoder.encode(name, StandardCharsets.UTF_8) + "&",
                "droplets",
                DigitalOceanJson::droplet);
    }

    @Override
    public void untag(String tag, List<Long> dropletIds) {
        if (dropletIds.isEmpty() || dropletIds.size() > PER_PAGE) {
            throw new IllegalArgumentException("untag 1 to " + PER_PAGE + " droplets a call, not " + dropletIds.size());
        }
        send(
                HttpMethod.DELETE,
                "/v2/tags/" + URLEncoder.encode(tag, StandardCharsets.UTF_8) + "/resources",
                DigitalOceanJson.dropletResources(dropletIds));
    }

    @Override
    public List<RemoteDroplet> createAll(DropletBatch batch) {
        JsonObject body = send(HttpMethod.POST, "/v2/droplets", DigitalOceanJson.batchBody(batch));
        return body.getJsonArray("droplets").stream()
                .map(JsonObject.class::cast)
                .map(DigitalOceanJson::droplet)
                .toList();
    }

    @Override
    public void destroy(long dropletId) {
        send(HttpMethod.DELETE, "/v2/droplets/" + dropletId, null);
    }

    @Override
    public List<CloudFirewall> firewalls() {
        return list("/v2/firewalls?", "firewalls", DigitalOceanJson::firewall);
    }

    @Override
    public void createTag(String name) {
        send(HttpMethod.POST, "/v2/tags", new JsonObject().put("name", name));
    }

    @Override
    public CloudFirewall createFirewall(String name, String dropletTag) {
        JsonObject body = send(HttpMethod.POST, "/v2/firewalls", DigitalOceanJson.firewallBody(name, dropletTag));
        return DigitalOceanJson.firewall(body.getJsonObject("firewall"));
    }

    @Override
    public void deleteFirewall(String firewallId) {
        send(HttpMethod.DELETE, "/v2/firewalls/" + URLEncoder.encode(firewallId, StandardCharsets.UTF_8), null);
    }

    /** This instance's request budget, for tests and the benchmark to watch. */
    public RequestBudget budget() {
        return budget;
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
        while (true) {
            budget.acquire();
            HttpResponse<Buffer> response = exchange(method, pathAndQuery, body, call);
            int status = response.statusCode();
            calls.count(method.name(), pathAndQuery, status);
            RateLimitHeaders.read(response).ifPresent(h -> budget.observe(h.remaining(), h.reset()));
            if (status == 429) {
                Instant until = RateLimitHeaders.retryAt(response, clock.instant(), SHORTEST_RATE_LIMIT_PAUSE);
                calls.rateLimited();
                budget.pauseUntil(until);
                LOG.warnf("%s: DigitalOcean answered 429 (rate limited); sending again after %s", call, until);
                continue;
            }
            if (status >= 200 && status < 300) {
                tokenStatus.accepted();
                return status == 204 ? new JsonObject() : json(call, response);
            }
            DigitalOceanException failure = failure(call, response);
            if (status == 401 || status == 403) {
                tokenStatus.refused(failure.getMessage());
                LOG.error(failure.getMessage());
            }
            throw failure;
        }
    }

    private HttpResponse<Buffer> exchange(HttpMethod method, String pathAndQuery, JsonObject body, String call) {
        HttpRequest<Buffer> request = webClient
                .requestAbs(method, config.apiUrl() + pathAndQuery)
                .timeout(config.requestTimeout().toMillis())
                .putHeader("Accept", "application/json");
        config.token().ifPresent(request::bearerTokenAuthentication);
        try {
            Uni<HttpResponse<Buffer>> answer = body == null ? request.send() : request.sendJsonObject(body);
            return answer.await().atMost(config.requestTimeout().plusSeconds(5));
        } catch (RuntimeException e) {
            calls.unanswered(method.name(), pathAndQuery);
            Throwable reason = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            throw new DigitalOceanException(
                    call + ": no answer from DigitalOcean at " + config.apiUrl() + " (" + reason + ")", 0, true, e);
        }
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
