package dev.rainmaker.status.console;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpServer;

/**
 * Another origin on loopback (its own port), serving the page an attacker would lure a signed-in operator to: a form
 * that posts itself to the console's replay endpoint. A cross-site form can send cookies and cached Basic credentials,
 * but not a custom header.
 */
final class ForeignSite implements AutoCloseable {

    /** Another loopback address than the console's: another site, not only another origin. */
    private static final String HOST = "127.0.0.2";

    private final HttpServer server;

    private ForeignSite(HttpServer server) {
        this.server = server;
    }

    /** Serves, at {@code /forged}, a page whose form posts to {@code target} as soon as it loads. */
    static ForeignSite postingTo(URI target) {
        String page = """
                <!doctype html>
                <html lang="en"><head><title>You won a prize</title></head>
                <body onload="document.forms[0].submit()">
                <form method="post" action="%s" enctype="text/plain">
                  <input name="x" value="1">
                </form>
                </body></html>
                """.formatted(target);
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(HOST, 0), 0);
            server.createContext("/forged", exchange -> {
                byte[] body = page.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            return new ForeignSite(server);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    URI page() {
        return URI.create("http://" + HOST + ":" + server.getAddress().getPort() + "/forged");
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
