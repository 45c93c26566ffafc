package dev.rainmaker.cli.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rainmaker.localcloud.hosts.HostKey;

/**
 * The floor's DigitalOcean work: droplets created in batches of up to 10 ({@code POST /v2/droplets} with
 * {@code names}, gathered for 200 ms as droplet-service does), and one listing of the floor's tag per second until each
 * is active. Nothing else: no account check, no firewall, no duplicate check.
 */
final class FloorDroplets implements AutoCloseable {

    private static final Duration BATCH_WINDOW = Duration.ofMillis(200);
    private static final Duration LISTING_INTERVAL = Duration.ofSeconds(1);
    /** 61 s / 125: half of DigitalOcean's 250 requests a minute, as droplet-service's ListingPace allows listings. */
    private static final Duration PAGE_SPACING = Duration.ofMillis(488);

    private static final String TAG = "rainmaker-floor";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String baseUrl;
    private final String token;
    private final String authorizedKey;
    private final LinkedBlockingQueue<String> waiting = new LinkedBlockingQueue<>();
    private final Map<String, CompletableFuture<String>> addresses = new ConcurrentHashMap<>();
    private final Thread creator;
    private final Thread watcher;
    private volatile boolean running = true;

    FloorDroplets(String baseUrl, String token, String authorizedKey) {
        this.baseUrl = baseUrl;
        this.token = token;
        this.authorizedKey = authorizedKey;
        creator = Thread.ofPlatform().daemon().name("floor-create").start(this::createBatches);
        watcher = Thread.ofPlatform().daemon().name("floor-watch").start(this::watch);
    }

    /** Asks for a droplet for {@code customerId}; completes with its address once it is active. */
    CompletableFuture<String> request(String customerId) {
        String name = "floor-" + customerId;
        CompletableFuture<String> address = addresses.computeIfAbsent(name, n -> new CompletableFuture<>());
        waiting.add(name);
        return address;
    }

    private void createBatches() {
        while (running) {
            try {
                String first = waiting.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                Thread.sleep(BATCH_WINDOW);
                List<String> names = new ArrayList<>(List.of(first));
                waiting.drainTo(names, 9);
                create(names);
                while (waiting.size() >= 10) {
                    names = new ArrayList<>();
                    waiting.drainTo(names, 10);
                    create(names);
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                addresses.values().forEach(address -> address.completeExceptionally(e));
                return;
            }
        }
    }

    private void create(List<String> names) throws InterruptedException {
        String userData = cloudConfig(HostKey.generate(), authorizedKey);
        Map<String, Object> body = Map.of(
                "names",
                names,
                "region",
                "fra1",
                "size",
                "s-1vcpu-1gb",
                "image",
                "debian-12-x64",
                "tags",
                List.of(TAG),
                "user_data",
                userData);
        send(HttpRequest.newBuilder(URI.create(baseUrl + "/v2/droplets"))
                .POST(HttpRequest.BodyPublishers.ofString(write(body))));
    }

    /** The least a host needs: its host key and root's authorized key (droplet-service's adds no work on the host). */
    static String cloudConfig(HostKey hostKey, String authorizedKey) {
        return "#cloud-config\nssh_pwauth: false\nssh_keys:\n  ecdsa_private: |\n"
                + hostKey.privateKeyPem().indent(4) + "  ecdsa_public: " + hostKey.publicKeyLine()
                + "\nssh_authorized_keys:\n  - " + authorizedKey + "\n";
    }

    private void watch() {
        while (running) {
            try {
                if (addresses.values().stream().allMatch(CompletableFuture::isDone)) {
                    Thread.sleep(LISTING_INTERVAL);
                    continue;
                }
                int pages = listActive();
                // As droplet-service's listings: at most half the minute's requests, at a steady rate.
                Thread.sleep(
                        LISTING_INTERVAL.compareTo(PAGE_SPACING.multipliedBy(pages)) >= 0
                                ? LISTING_INTERVAL
                                : PAGE_SPACING.multipliedBy(pages));
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                addresses.values().forEach(address -> address.completeExceptionally(e));
                return;
            }
        }
    }

    /** One listing of the floor's droplets; completes the addresses of the active ones; returns the pages it took. */
    private int listActive() throws InterruptedException {
        int pages = 0;
        String next = baseUrl + "/v2/droplets?tag_name=" + TAG + "&per_page=200";
        while (next != null) {
            JsonNode page = send(HttpRequest.newBuilder(URI.create(next)).GET());
            pages++;
            for (JsonNode droplet : page.path("droplets")) {
                if (droplet.path("status").asText().equals("active")) {
                    CompletableFuture<String> address =
                            addresses.get(droplet.path("name").asText());
                    if (address != null) {
                        address.complete(publicAddress(droplet));
                    }
                }
            }
            JsonNode link = page.path("links").path("pages").path("next");
            next = link.isMissingNode() || link.isNull() ? null : link.asText();
        }
        return pages;
    }

    private static String publicAddress(JsonNode droplet) {
        for (JsonNode network : droplet.path("networks").path("v4")) {
            if (network.path("type").asText().equals("public")) {
                return network.path("ip_address").asText();
            }
        }
        throw new IllegalStateException("active droplet without a public address: " + droplet.path("name"));
    }

    private JsonNode send(HttpRequest.Builder request) throws InterruptedException {
        try {
            HttpResponse<String> response = http.send(
                    request.header("Authorization", "Bearer " + token)
                            .header("Content-Type", "application/json")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(
                        "the floor's DigitalOcean call was answered " + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("the floor's DigitalOcean call failed: " + e.getMessage(), e);
        }
    }

    private static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        running = false;
        creator.interrupt();
        watcher.interrupt();
    }
}
