package dev.rainmaker.stack.client;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;

import com.sun.net.httpserver.HttpServer;
import dev.rainmaker.localcloud.hosts.HostKey;
import dev.rainmaker.stack.domain.PortState;
import dev.rainmaker.stack.domain.WebPage;
import dev.rainmaker.stack.service.PermanentFailure;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.SshServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NetworkHostProbeTests {

    private final NetworkHostProbe probe = new NetworkHostProbe(Duration.ofMillis(500));

    @AfterEach
    void close() {
        probe.close();
    }

    @Test
    void aListeningPortIsOpenAndAPortWithoutListenerIsRefused() throws Exception {
        int freed;
        try (ServerSocket listening = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            assertThat(probe.port("127.0.0.1", listening.getLocalPort())).isEqualTo(PortState.OPEN);
            freed = listening.getLocalPort();
        }
        assertThat(probe.port("127.0.0.1", freed)).isEqualTo(PortState.REFUSED);
    }

    @Test
    void anSshServerWithPublicKeyLoginOnlyOffersJustThat() throws Exception {
        SshServer server = sshServer(false);
        try {
            assertThat(probe.sshAuthMethods("127.0.0.1", server.getPort())).isEqualTo(Set.of("publickey"));
        } finally {
            server.stop(true);
        }
    }

    @Test
    void anSshServerThatAlsoTakesPasswordsSaysSo() throws Exception {
        SshServer server = sshServer(true);
        try {
            assertThat(probe.sshAuthMethods("127.0.0.1", server.getPort())).contains("publickey", "password");
        } finally {
            server.stop(true);
        }
    }

    @Test
    void noSshServerIsAPermanentFailureNamingTheAddress() throws Exception {
        int freed;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            freed = socket.getLocalPort();
        }
        int port = freed;
        assertThatThrownBy(() -> probe.sshAuthMethods("127.0.0.1", port))
                .isInstanceOf(PermanentFailure.class)
                .hasMessageContaining("no SSH server answered on 127.0.0.1:" + port);
    }

    @Test
    void aPageIsFetchedAndAnAddressWithoutServerIsUnreachable() throws Exception {
        HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/", exchange -> {
            byte[] body = "{\"database\":\"ok\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        http.start();
        int port = http.getAddress().getPort();
        try {
            assertThat(probe.get(URI.create("http://127.0.0.1:" + port + "/")))
                    .isEqualTo(new WebPage(200, "{\"database\":\"ok\"}"));
        } finally {
            http.stop(0);
        }
        assertThat(probe.get(URI.create("http://127.0.0.1:" + port + "/")).answered())
                .isFalse();
    }

    private static SshServer sshServer(boolean passwords) throws Exception {
        SshServer server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        server.setKeyPairProvider(KeyPairProvider.wrap(HostKey.generate().keyPair()));
        server.setPublickeyAuthenticator((user, key, session) -> false);
        server.setPasswordAuthenticator(passwords ? (user, password, session) -> false : null);
        server.setKeyboardInteractiveAuthenticator(null);
        server.start();
        return server;
    }
}
