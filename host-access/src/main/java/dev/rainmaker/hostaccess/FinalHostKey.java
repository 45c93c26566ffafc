package dev.rainmaker.hostaccess;

/**
 * A droplet's own SSH host key, which replaces its boot key at first login: the OpenSSH public key line, its
 * {@code SHA256:...} fingerprint, and the private key file (openssh-key-v1), which only ever travels inside the SSH
 * session, as a command's standard input.
 */
public record FinalHostKey(String publicKeyLine, String fingerprint, byte[] privateKeyFile) {

    /** Names the key by its fingerprint only: the private key must not reach a log line or a message. */
    @Override
    public String toString() {
        return "FinalHostKey[" + fingerprint + "]";
    }
}
