package dev.rainmaker.localcloud.hosts;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.rainmaker.localcloud.hosts.model.HostState;
import dev.rainmaker.localcloud.hosts.model.StackPorts;
import dev.rainmaker.localcloud.hosts.model.WebAnswer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sockets a simulated host really opens on its address besides SSH, kept in line with its modelled state after
 * every command: the web server on the app port while nginx runs (answering from the model), and a listener on each
 * port a stack daemon would bind on every interface. So a scan from outside finds what the model says is there.
 */
final class SimulatedHostPorts implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SimulatedHostPorts.class);

    private final String address;
    private final int appPort;
    private final HostState state;
    private final Map<Integer, Listener> daemons = new HashMap<>();
    private HttpServer web;
    private boolean closed;

    SimulatedHostPorts(String address, int appPort, HostState state) {
        this.address = address;
        this.appPort = appPort;
        this.state = state;
    }

    /** Opens and closes sockets to match the state; called with the state's lock held. */
    synchronized void sync() {
        if (closed) {
            return;
        }
        boolean webServes = StackPorts.webAnswer(state).isPresent();
        if (webServes && web == null) {
            web = startWeb();
        } else if (!webServes && web != null) {
            web.stop(0);
            web = null;
        }
        Set<Integer> wanted = StackPorts.onEveryInterface(state);
        daemons.entrySet().removeIf(open -> {
            if (wanted.contains(open.getKey())) {
                return false;
            }
            open.getValue().close();
            return true;
        });
        wanted.stream().filter(port -> !daemons.containsKey(port)).forEach(port -> listen(port));
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (web != null) {
            web.stop(0);
            web = null;
        }
        daemons.values().forEach(Listener::close);
        daemons.clear();
    }

    private HttpServer startWeb() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(address, appPort), 0);
            server.createContext("/", this::answer);
            server.start();
            return server;
        } catch (IOException e) {
            LOG.warn("simulated host {} cannot serve its app on port {}: {}", address, appPort, e.getMessage());
            return null;
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        Optional<WebAnswer> answer;
        synchronized (state) {
            answer = StackPorts.webAnswer(state);
        }
        WebAnswer reply = answer.orElse(new WebAnswer(503, "text/plain", "nginx stopped\n"));
        byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", reply.contentType());
        exchange.getResponseHeaders().set("Server", "nginx/1.22.1");
        exchange.sendResponseHeaders(reply.status(), body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** A daemon's port: accepts connections and hangs up; being reachable is the finding. */
    private void listen(int port) {
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(address, port));
            Thread acceptor =
                    Thread.ofVirtual().name("simulated-" + address + ":" + port).start(() -> acceptUntilClosed(socket));
            daemons.put(port, new Listener(socket, acceptor));
        } catch (IOException e) {
            LOG.warn("simulated host {} cannot open port {}: {}", address, port, e.getMessage());
        }
    }

    private static void acceptUntilClosed(ServerSocket socket) {
        while (!socket.isClosed()) {
            try (Socket ignored = socket.accept()) {
                // connected: that is all a scan needs to see
            } catch (IOException closed) {
                return;
            }
        }
    }

    /** A listening socket and the thread accepting on it. */
    private record Listener(ServerSocket socket, Thread acceptor) {

        /**
         * Closes the socket and waits for the acceptor to leave {@code accept}: a socket closed while a thread is
         * blocked on it keeps listening until that thread has woken up.
         */
        void close() {
            try {
                socket.close();
            } catch (IOException e) {
                // already closed
            }
            try {
                acceptor.join(Duration.ofSeconds(2));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
