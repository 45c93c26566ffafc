package dev.rainmaker.localcloud.digitalocean;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.rainmaker.localcloud.hosts.HostProvider;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * A local DigitalOcean API v2 on 127.0.0.1: bearer auth, the catalogue, droplets that boot on a {@link HostProvider},
 * DigitalOcean's error bodies and rate-limit headers. Runs on its own Vert.x instance.
 *
 * <pre>{@code
 * try (var api = DigitalOceanStandIn.builder().token("t").hostProvider(hosts).build().start()) {
 *     client.get(api.baseUrl() + "/v2/account") ...
 * }
 * }</pre>
 */
public final class DigitalOceanStandIn implements AutoCloseable {

    private static final int START_TIMEOUT_SECONDS = 10;

    private final Options options;
    private final Clock clock = Clock.systemUTC();
    private final DropletStore store = new DropletStore();
    private final RequestGate gate;
    private Vertx vertx;
    private HttpServer server;

    /** How the stand-in runs; {@code port} 0 picks a free port. */
    public record Options(int port, String token, Duration bootDelay, Catalogue catalogue, HostProvider hostProvider) {

        public Options {
            Objects.requireNonNull(token, "token");
            Objects.requireNonNull(bootDelay, "bootDelay");
            Objects.requireNonNull(catalogue, "catalogue");
            Objects.requireNonNull(hostProvider, "hostProvider");
        }
    }

    public DigitalOceanStandIn(Options options) {
        this.options = options;
        this.gate = new RequestGate(options.token(), clock);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts listening; returns this stand-in once it accepts connections. */
    public DigitalOceanStandIn start() {
        vertx = Vertx.vertx();
        Router router = Router.router(vertx);
        router.route().handler(gate);
        router.route().handler(BodyHandler.create().setBodyLimit(1024 * 1024));
        new AccountRoutes(this::baseUrl).register(router);
        new CatalogueRoutes(options.catalogue(), this::baseUrl).register(router);
        new DropletRoutes(
                        vertx,
                        store,
                        options.catalogue(),
                        options.hostProvider(),
                        options.bootDelay(),
                        clock,
                        this::baseUrl)
                .register(router);
        router.route().last().handler(ApiErrors::notFound);
        try {
            server = vertx.createHttpServer()
                    .requestHandler(router)
                    .listen(options.port(), "127.0.0.1")
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new IllegalStateException("Interrupted while starting the DigitalOcean stand-in", e);
        } catch (ExecutionException | TimeoutException e) {
            close();
            throw new IllegalStateException(
                    "DigitalOcean stand-in did not start on 127.0.0.1:" + options.port() + ": " + e.getMessage(), e);
        }
        return this;
    }

    /** Like {@code https://api.digitalocean.com}: without {@code /v2} and without a trailing slash. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    public int port() {
        if (server == null) {
            throw new IllegalStateException("The DigitalOcean stand-in is not started");
        }
        return server.actualPort();
    }

    /** Every droplet that exists now, oldest first. */
    public List<StandInDroplet> droplets() {
        return store.all().stream().map(DropletState::view).toList();
    }

    /** How many requests carried this bearer token (accepted or not); {@code ""} counts requests without one. */
    public long apiCalls(String token) {
        return gate.calls(token);
    }

    @Override
    public void close() {
        if (vertx != null) {
            try {
                vertx.close().toCompletionStage().toCompletableFuture().get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("DigitalOcean stand-in did not stop: " + e.getMessage(), e);
            } finally {
                vertx = null;
                server = null;
            }
        }
    }

    /** Builds {@link Options}: free port, a 2 s boot delay and the {@link Catalogue#standard() standard catalogue}. */
    public static final class Builder {

        private int port;
        private String token;
        private Duration bootDelay = Duration.ofSeconds(2);
        private Catalogue catalogue = Catalogue.standard();
        private HostProvider hostProvider;

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

        public Options options() {
            return new Options(port, token, bootDelay, catalogue, hostProvider);
        }

        public DigitalOceanStandIn build() {
            return new DigitalOceanStandIn(options());
        }
    }
}
