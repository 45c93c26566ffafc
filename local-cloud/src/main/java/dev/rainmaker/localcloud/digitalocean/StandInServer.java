package dev.rainmaker.localcloud.digitalocean;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;

/** The stand-in's HTTP server on 127.0.0.1, on a Vert.x instance of its own that closes with it. */
final class StandInServer implements AutoCloseable {

    private static final int TIMEOUT_SECONDS = 10;

    private final Vertx vertx;
    private final HttpServer server;

    private StandInServer(Vertx vertx, HttpServer server) {
        this.vertx = vertx;
        this.server = server;
    }

    /**
     * Builds the router on a new Vert.x instance and listens on 127.0.0.1:{@code port} (0: a free port); returns once
     * it accepts connections.
     */
    static StandInServer start(int port, Function<Vertx, Router> router) {
        Vertx vertx = Vertx.vertx();
        Router routes = router.apply(vertx);
        try {
            HttpServer server = vertx.createHttpServer()
                    .requestHandler(routes)
                    .listen(port, "127.0.0.1")
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return new StandInServer(vertx, server);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close(vertx);
            throw new IllegalStateException("Interrupted while starting the DigitalOcean stand-in", e);
        } catch (ExecutionException | TimeoutException e) {
            close(vertx);
            throw new IllegalStateException(
                    "DigitalOcean stand-in did not start on 127.0.0.1:" + port + ": " + e.getMessage(), e);
        }
    }

    int port() {
        return server.actualPort();
    }

    @Override
    public void close() {
        close(vertx);
    }

    private static void close(Vertx vertx) {
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("DigitalOcean stand-in did not stop: " + e.getMessage(), e);
        }
    }
}
