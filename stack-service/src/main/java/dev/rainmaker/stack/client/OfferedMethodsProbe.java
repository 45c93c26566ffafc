package dev.rainmaker.stack.client;

import java.util.List;
import java.util.Set;

import org.apache.sshd.client.auth.UserAuth;
import org.apache.sshd.client.auth.UserAuthFactory;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.apache.sshd.common.util.buffer.Buffer;

/**
 * A client authentication method that proves nothing and sends nothing: the client first asks with {@code none}, the
 * server answers with the methods it would accept, and the client starts each of its methods the server listed. This
 * one only notes that it was started, so after the attempt the session knows which methods the server offers.
 */
final class OfferedMethodsProbe implements UserAuth {

    /** The methods the server listed, filled in during the attempt. */
    static final AttributeKey<Set<String>> OFFERED = new AttributeKey<>();

    /** Every method a server may offer, as RFC 4252 and OpenSSH name them. */
    static final List<String> KNOWN_METHODS =
            List.of("publickey", "password", "keyboard-interactive", "hostbased", "gssapi-with-mic");

    private final String name;
    private ClientSession session;

    private OfferedMethodsProbe(String name) {
        this.name = name;
    }

    static List<UserAuthFactory> factories() {
        return KNOWN_METHODS.stream().map(OfferedMethodsProbe::factory).toList();
    }

    private static UserAuthFactory factory(String method) {
        return new UserAuthFactory() {
            @Override
            public String getName() {
                return method;
            }

            @Override
            public UserAuth createUserAuth(ClientSession session) {
                return new OfferedMethodsProbe(method);
            }
        };
    }

    @Override
    public void init(ClientSession session, String service) {
        this.session = session;
        Set<String> offered = session.getAttribute(OFFERED);
        if (offered != null) {
            offered.add(name);
        }
    }

    /** Sends nothing: the client moves on to its next method, and gives up after the last. */
    @Override
    public boolean process(Buffer buffer) {
        return false;
    }

    @Override
    public void destroy() {}

    @Override
    public String getName() {
        return name;
    }

    @Override
    public ClientSession getSession() {
        return session;
    }

    @Override
    public ClientSession getClientSession() {
        return session;
    }
}
