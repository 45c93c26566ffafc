package dev.rainmaker.stack.client;

import java.net.SocketAddress;
import java.security.PublicKey;

import org.apache.sshd.client.keyverifier.ServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.AttributeRepository;
import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.digest.BuiltinDigests;

/**
 * Accepts a host only if its key has the fingerprint pinned for the droplet (handed to each connection as a context
 * attribute). A rejected key's fingerprint is remembered on the session so the caller can say what was presented.
 */
final class PinnedHostKeyVerifier implements ServerKeyVerifier {

    /** The droplet's pinned fingerprint, {@code SHA256:...}, as OpenSSH prints it. */
    static final AttributeKey<String> PINNED_FINGERPRINT = new AttributeKey<>();

    /** Set on a session whose host presented another key. */
    static final AttributeKey<String> REJECTED_FINGERPRINT = new AttributeKey<>();

    static AttributeRepository pinning(String fingerprint) {
        return AttributeRepository.ofKeyValuePair(PINNED_FINGERPRINT, fingerprint);
    }

    @Override
    public boolean verifyServerKey(ClientSession session, SocketAddress remoteAddress, PublicKey serverKey) {
        AttributeRepository context = session.getConnectionContext();
        String pinned = context == null ? null : context.getAttribute(PINNED_FINGERPRINT);
        String presented = KeyUtils.getFingerPrint(BuiltinDigests.sha256, serverKey);
        if (pinned != null && pinned.equals(presented)) {
            return true;
        }
        session.setAttribute(REJECTED_FINGERPRINT, presented);
        return false;
    }
}
