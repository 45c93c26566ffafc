package dev.rainmaker.bootstrap.client;

import java.net.SocketAddress;
import java.security.PublicKey;

import org.apache.sshd.client.keyverifier.ServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.digest.BuiltinDigests;

/**
 * The fingerprint a connection must see, carried in the connection's context, and what the host presented. The
 * verifier accepts only the pinned key: there is no trust on first use.
 */
final class PinnedHostKey {

    static final AttributeKey<PinnedHostKey> KEY = new AttributeKey<>();

    static final ServerKeyVerifier VERIFIER = (ClientSession session, SocketAddress remote, PublicKey key) -> {
        PinnedHostKey pinned = session.getConnectionContext() == null
                ? null
                : session.getConnectionContext().getAttribute(KEY);
        return pinned != null && pinned.matches(key);
    };

    private final String expected;
    private volatile String presented;

    PinnedHostKey(String expected) {
        this.expected = expected;
    }

    boolean matches(PublicKey key) {
        presented = KeyUtils.getFingerPrint(BuiltinDigests.sha256, key);
        return expected.equals(presented);
    }

    boolean mismatched() {
        return presented != null && !expected.equals(presented);
    }

    String expected() {
        return expected;
    }

    String presented() {
        return presented;
    }
}
