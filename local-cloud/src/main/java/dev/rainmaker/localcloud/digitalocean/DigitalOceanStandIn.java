package dev.rainmaker.localcloud.digitalocean;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.rainmaker.localcloud.hosts.HostProvider;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * A local DigitalOcean API v2 on 127.0.0.1 that behaves as DigitalOcean does, on its own Vert.x instance, with fault
 * knobs and inspectable state for tests.
 *
 * <h2>What it serves</h2>
 *
 * <ul>
 *   <li>Bearer auth (one accepted token; anything else 401), DigitalOcean's error bodies {@code {"id","message"}}.
 *   <li>{@code GET /v2/account}, {@code /v2/account/keys}, {@code /v2/sizes}, {@code /v2/regions},
 *       {@code /v2/images} (the {@link Catalogue}).
 *   <li>{@code POST /v2/droplets} with {@code name}, or {@code names} (1 to 10, else 422): 202 with {@code droplet}
 *       or {@code droplets}, and {@code links.actions} (one {@code create} action per droplet). Each name gets its own
 *       droplet with the same tags and {@code user_data}; a droplet is {@code new} without networks, then
 *       {@code active} with its public IPv4 once the boot delay passed and its host booted.
 *   <li>{@code GET /v2/droplets} filtered by {@code tag_name} or {@code name} (exact, case-insensitive; combined:
 *       422), {@code GET|DELETE /v2/droplets/{id}}, {@code DELETE /v2/droplets?tag_name=} (204, every droplet with
 *       the tag and its host destroyed; a tag that never existed: 404), {@code GET /v2/actions/{id}}.
 *   <li>{@code POST|GET /v2/firewalls}, {@code GET|DELETE /v2/firewalls/{id}}: 202 {@code waiting} on create, a name
 *       already taken 409, tags named by a firewall must exist (else 422); {@code POST /v2/tags} creates one (201),
 *       {@code GET /v2/tags/{name}}, {@code DELETE /v2/tags/{name}/resources} (204; untags the listed droplets,
 *       ignoring resources it does not hold; a tag that never existed: 404). Tags also exist once a droplet carried
 *       them, and outlive being removed from droplets.
 *   <li>Lists are paginated: {@code page} (from 1), {@code per_page} (default 20; above 200 is served as 200, as
 *       DigitalOcean does), {@code links.pages} ({@code first}/{@code prev} after page 1, {@code next}/{@code last}
 *       before the last page, each keeping the other query parameters) and {@code meta.total}.
 * </ul>
 *
 * <h2>Validation, as DigitalOcean</h2>
 *
 * Droplet names must match {@code ^[a-zA-Z0-9]?[a-z0-9A-Z.\-]*[a-z0-9A-Z]$} (at most 255 characters);
 * {@code user_data} at most 64 KiB; an unknown size, region or image, a size the region does not offer, or an
 * unavailable region: 422 {@code unprocessable_entity} with DigitalOcean's message. A body that is not a JSON object:
 * 400 {@code bad_request}; a missing or empty body: 422. Unknown fields and unknown query parameters are ignored, as
 * DigitalOcean silently does, and each is recorded as a {@link RequestWarning} ({@link #requestWarnings()}): a
 * misspelt {@code user-data} or {@code tag=} shows up there.
 *
 * <h2>Rate limits ({@link DigitalOceanLimits}, default {@link DigitalOceanLimits#real()})</h2>
 *
 * Per token, every request counts for a minute against the burst limit (250) and for an hour against the hourly limit
 * (5,000). Every answer carries {@code ratelimit-limit} (the hourly limit), {@code ratelimit-remaining} (left in the
 * hour; 0 while the burst limit is reached) and {@code ratelimit-reset} (epoch second when the oldest counted request
 * expires). Beyond a limit: 429 {@code {"id":"too_many_requests","message":"API Rate limit exceeded."}}; when the burst
 * limit was reached it carries {@code retry-after} (seconds until a request expires from the minute); when the hourly
 * limit was reached it does not (DigitalOcean documents {@code retry-after} for burst 429s only): wait until
 * {@code ratelimit-reset}. Requests answered 429 do not count against the limits.
 *
 * <h2>Faults ({@link #faults()}, or {@link Builder#faults} at start)</h2>
 *
 * 429 storms, a seeded share of 500s, added latency, creates whose answer is lost (connection closed after the
 * droplets were created), droplets stuck in {@code new}, 404 for a while after create: see {@link Faults}. A request
 * passes, in order: latency, storm, rate limits, auth, 500 share, then the endpoint.
 *
 * <h2>State for tests</h2>
 *
 * {@link #droplets()}, {@link #firewalls()}, {@link #apiCalls(String)}, {@link #rateLimited(String)},
 * {@link #callsPerEndpoint()} (keys like {@code GET /v2/droplets/{id}}), {@link #requestWarnings()}, and with
 * {@link #recordExchanges(boolean)} on, {@link #exchanges()}: every request served and its answer, for checking
 * against DigitalOcean's OpenAPI document with {@link OpenApiContract}. {@link #clearRecords()} starts afresh.
 *
 * <pre>{@code
 * try (var api = DigitalOceanStandIn.builder().token("t").hostProvider(hosts).build().start()) {
 *     api.faults().loseCreateResponses(1);
 *     client.get(api.baseUrl() + "/v2/account") ...
 * }
 * }</pre>
 *
 * <p>Handlers never block the event loop (hosts boot and are destroyed on worker threads); every store is
 * thread-safe.
 */
public final class DigitalOceanStandIn implements AutoCloseable {

    private final Options options;
    private final Clock clock = Clock.systemUTC();
    private final DropletStore store = new DropletStore();
    private final FirewallStore firewalls = new FirewallStore();
    private final Traffic traffic = new Traffic();
    private final RequestGate gate;
    private StandInServer server;

    /**
     * How the stand-in runs; {@code port} 0 picks a free port. {@code faults} is the live object {@link #faults()}
     * returns.
     */
    public record Options(
            int port,
            String token,
            Duration bootDelay,
            Catalogue catalogue,
            HostProvider hostProvider,
            DigitalOceanLimits limits,
            Faults faults) {

        public Options {
            Objects.requireNonNull(token, "token");
            Objects.requireNonNull(bootDelay, "bootDelay");
            Objects.requireNonNull(catalogue, "catalogue");
            Objects.requireNonNull(hostProvider, "hostProvider");
            Objects.requireNonNull(limits, "limits");
            Objects.requireNonNull(faults, "faults");
        }
    }

    public DigitalOceanStandIn(Options options) {
        this.options = options;
        this.gate = new RequestGate(options.token(), clock, options.limits(), options.faults(), traffic);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts listening; returns this stand-in once it accepts connections. */
    public DigitalOceanStandIn start() {
        server = StandInServer.start(options.port(), this::router);
        return this;
    }

    /** Every endpoint, behind the body limit and the {@link RequestGate}; anything else is DigitalOcean's 404. */
    private Router router(Vertx vertx) {
        Router router = Router.router(vertx);
        router.route().handler(BodyHandler.create().setBodyLimit(1024 * 1024));
        router.route().handler(gate);
        new AccountRoutes(this::baseUrl).register(router);
        new CatalogueRoutes(options.catalogue(), traffic, this::baseUrl).register(router);
        new DropletRoutes(
                        vertx,
                        store,
                        options.catalogue(),
                        options.hostProvider(),
                        options.bootDelay(),
                        clock,
                        options.faults(),
                        traffic,
                        this::baseUrl)
                .register(router);
        new FirewallRoutes(firewalls, store, clock, traffic, this::baseUrl).register(router);
        new TagRoutes(store, this::baseUrl).register(router);
        router.route().last().handler(ApiErrors::notFound);
        return router;
    }

    /** Like {@code https://api.digitalocean.com}: without {@code /v2} and without a trailing slash. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    public int port() {
        if (server == null) {
            throw new IllegalStateException("The DigitalOcean stand-in is not started");
        }
        return server.port();
    }

    /** Every droplet that exists now, oldest first. */
    public List<StandInDroplet> droplets() {
        return store.all().stream().map(DropletState::view).toList();
    }

    /** Every firewall that exists now, oldest first. */
    public List<StandInFirewall> firewalls() {
        return firewalls.all().stream().map(FirewallStore.Firewall::view).toList();
    }

    /** How many requests carried this bearer token (answered or not); {@code ""} counts requests without one. */
    public long apiCalls(String token) {
        return traffic.calls(token);
    }

    /** How many requests with this bearer token were answered 429 (rate limits and storms). */
    public long rateLimited(String token) {
        return traffic.rateLimited(token);
    }

    /**
     * Requests per endpoint, all tokens, sorted: method and path with ids replaced by {@code {id}}, e.g.
     * {@code POST /v2/droplets}, {@code GET /v2/droplets/{id}}.
     */
    public Map<String, Long> callsPerEndpoint() {
        return traffic.callsPerEndpoint();
    }

    /** What requests contained that DigitalOcean would silently ignore, oldest first. */
    public List<RequestWarning> requestWarnings() {
        return traffic.warnings();
    }

    /** Starts (or stops) recording every exchange from the next request on; off by default. */
    public DigitalOceanStandIn recordExchanges(boolean on) {
        traffic.record(on);
        return this;
    }

    /** The exchanges recorded so far, in the order they were answered. */
    public List<Exchange> exchanges() {
        return traffic.exchanges();
    }

    /** Forgets counted calls, 429s, warnings and recorded exchanges (droplets, firewalls and limits stay). */
    public void clearRecords() {
        traffic.clear();
    }

    /** The live fault knobs: a change applies to the next request. */
    public Faults faults() {
        return options.faults();
    }

    public DigitalOceanLimits limits() {
        return options.limits();
    }

    @Override
    public void close() {
        if (server != null) {
            try {
                server.close();
            } finally {
                server = null;
            }
        }
    }

    /**
     * Builds {@link Options}: free port, a 2 s boot delay, the {@link Catalogue#standard() standard catalogue},
     * DigitalOcean's {@link DigitalOceanLimits#real() real limits} and no faults.
     */
    public static final class Builder {

        private int port;
        private String token;
        private Duration bootDelay = Duration.ofSeconds(2);
        private Catalogue catalogue = Catalogue.standard();
        private HostProvider hostProvider;
        private DigitalOceanLimits limits = DigitalOceanLimits.real();
        private Faults faults = new Faults();

        private Builder() {}

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder token(String token) {
            this.token = token;
            return this;
        }

        public Builder bootDelay(Duration bootDelay) {
            this.bootDelay = bootDelay;
            return this;
        }

        public Builder catalogue(Catalogue catalogue) {
            this.catalogue = catalogue;
            return this;
        }

        public Builder hostProvider(HostProvider hostProvider) {
            this.hostProvider = hostProvider;
            return this;
        }

        public Builder limits(DigitalOceanLimits limits) {
            this.limits = limits;
            return this;
        }

        /** Faults from the start; the same object stays settable through {@link DigitalOceanStandIn#faults()}. */
        public Builder faults(Faults faults) {
            this.faults = faults;
            return this;
        }

        public Options options() {
            return new Options(port, token, bootDelay, catalogue, hostProvider, limits, faults);
        }

        public DigitalOceanStandIn build() {
            return new DigitalOceanStandIn(options());
        }
    }
}
