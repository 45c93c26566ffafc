package dev.rainmaker.stack.service;

import java.net.URI;
import java.util.Set;

import dev.rainmaker.stack.domain.PortState;
import dev.rainmaker.stack.domain.WebPage;

/** Looks at a host from outside, as anyone on the internet can: no key, no password, nothing but the network. */
public interface HostProbe {

    /** Tries a TCP connection within the timeout. */
    PortState port(String address, int port);

    /**
     * The authentication methods the SSH server on {@code address:port} offers to a client that has not proved
     * anything yet ({@code none} itself if it lets such a client in).
     *
     * @throws PermanentFailure when no SSH server answers there
     */
    Set<String> sshAuthMethods(String address, int port);

    /** {@code GET url}; never throws for a host that does not answer. */
    WebPage get(URI url);
}
