package dev.rainmaker.hostaccess.ssh;

import java.net.SocketAddress;
import java.security.PublicKey;
import java.util.List;
import java.util.function.UnaryOperator;

import dev.rainmaker.hostaccess.HostKeyMismatch;
import org.apache.sshd.client.keyverifier.ServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.AttributeRepository;
import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.digest.BuiltinDigests;

/**
 * The fingerprints one connection attempt may see, carried in the connection's context, and what the host presented.
 * {@link #VERIFIER} accepts only those: there is no trust on first use.
 */
final class HostKeyPin {

    private static final AttributeKey<HostKeyPin> KEY = new AttributeKey<>();

    static final ServerKeyVerifier VERIFIER = (ClientSession session, SocketAddress remote, PublicKey key) -> {
        HostKeyPin pin = session.getConnectionContext() == null
                ? null
                : session.getConnectionContext().getAttribute(KEY);
        return pin != null && pin.matches(key);
    };

    private final List<String> accepted;
    /** What the host was expected to present, in words, followed by what it presented. */
    private final UnaryOperator<String> mismatchAfterHost;

    private volatile String presented;

    private HostKeyPin(List<String> accepted, UnaryOperator<String> mismatchAfterHost) {
        this.accepted = List.copyOf(accepted);
        this.mismatchAfterHost = mismatchAfterHost;
    }

    /** Only the droplet's pinned key ({@code SHA256:...}). */
    static HostKeyPin only(String fingerprint) {
        return new HostKeyPin(
                List.of(fingerprint),
                presented -> "it presented host key " + presented + ", not the pinned " + fingerprint);
    }

    /** A first login: the boot key pinned at create, or the droplet's own key should it be in place already. */
    static HostKeyPin bootOrFinal(String bootFingerprint, String finalFingerprint) {
        return new HostKeyPin(
                List.of(bootFingerprint, finalFingerprint),
                presented -> "expected " + bootFingerprint + " (its boot key, pinned at create) or " + finalFingerprint
                        + " (its own key, set at first login) but the host presented " + presented);
    }

    AttributeRepository asContext() {
        return AttributeRepository.ofKeyValuePair(KEY, this);
    }

    String presented() {
        return presented;
    }

    boolean mismatched() {
        return presented != null && !accepted.contains(presented);
    }

    HostKeyMismatch mismatch(String host) {
        return new HostKeyMismatch(
                "host key mismatch on " + host + ": " + mismatchAfterHost.apply(presented) + "; refusing to log in",
                presented);
    }

    private boolean matches(PublicKey key) {
        presented = KeyUtils.getFingerPrint(BuiltinDigests.sha256, key);
        return accepted.contains(presented);
    }
}
