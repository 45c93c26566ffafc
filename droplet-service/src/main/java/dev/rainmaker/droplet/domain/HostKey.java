package dev.rainmaker.droplet.domain;

/**
 * An SSH host key Rainmaker generated for one droplet: the private key (PKCS#8 PEM; secret, never logged), the OpenSSH
 * public key line, and the SHA-256 of the public key blob, as hex (for a droplet tag) and as OpenSSH's fingerprint.
 */
public record HostKey(String privateKeyPem, String publicKeyLine, String sha256Hex, String fingerprint) {

    @Override
    public String toString() {
        return "HostKey[" + fingerprint + "]";
    }
}
