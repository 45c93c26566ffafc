package dev.rainmaker.bootstrap.client;

import java.net.SocketAddress;
import java.security.PublicKey;
import java.util.List;

import org.apache.sshd.client.keyverifier.ServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.digest.BuiltinDigests;

/**
 * The fingerprints a connection may see, carried in the connection's context, and what the host presented. The
 * verifier accepts only those: there is no trust on first use.
 */
final class PinnedHostKey {

    static final AttributeKey<PinnedHostKey> KEY = new AttributeKey<>();

    static final ServerKeyVerifier VERIFIER = (ClientSession session, SocketAddress remote, PublicKey key) -> {
        PinnedHostKey pinned = session.getConnectionContext() == null
                ? null
                : session.getConnectionContext().getAttribute(KEY);
        return pinned != null && pinned.matches(key);
    };

    private final List<String> accepted;
    private final String expected;
    private volatile String presented;

    /**
     * @param accepted the fingerprints ({@code SHA256:...}) the host may present
     * @param expected what the host was expected to present, in words, for a failure message
     */
    private PinnedHostKey(List<String> accepted, String expected) {
        this.accepted = List.copyOf(accepted);
        this.expected = expected;
    }

    static PinnedHostKey only(String fingerprint) {
        return new PinnedHostKey(List.of(fingerprint), fingerprint + " (pinned)");
    }

    static PinnedHostKey bootOrFinal(String bootFingerprint, String finalFingerprint) {
        return new PinnedHostKey(
                List.of(bootFingerprint, finalFingerprint),
                bootFingerprint + " (its boot key, pinned at create) or " + finalFingerprint
                        + " (its own key, set at first login)");
    }

    boolean matches(PublicKey key) {
        presented = KeyUtils.getFingerPrint(BuiltinDigests.sha256, key);
        return accepted.contains(presented);
    }

    boolean mismatched() {
        return presented != null && !accepted.contains(presented);
    }

    String expected() {
        return expected;
    }

    String presented() {
        return presented;
    }
}
