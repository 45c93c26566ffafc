package dev.rainmaker.localcloud.hosts.model;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.Iterator;
import java.util.Optional;

import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.util.security.SecurityUtils;

/**
 * SSH host key files on a simulated host, as OpenSSH reads them: a private key file (OpenSSH or PEM format) is ignored
 * when group or others may read it ("UNPROTECTED PRIVATE KEY FILE"), and a file that holds no key is ignored too.
 */
public final class HostKeyFiles {

    private HostKeyFiles() {}

    /** The key pair in the private key file at {@code path}, if it exists, is protected and holds one. */
    public static Optional<KeyPair> load(HostState host, String path) {
        String content = host.files.get(path);
        if (content == null || !protectedFile(host, path)) {
            return Optional.empty();
        }
        try {
            Iterable<KeyPair> pairs = SecurityUtils.loadKeyPairIdentities(
                    null,
                    NamedResource.ofName(path),
                    new ByteArrayInputStream(content.getBytes(StandardCharsets.US_ASCII)),
                    null);
            Iterator<KeyPair> first = pairs == null ? null : pairs.iterator();
            return first != null && first.hasNext() ? Optional.of(first.next()) : Optional.empty();
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Whether only the owner may read the file, as sshd and ssh-keygen require of a private key. */
    public static boolean protectedFile(HostState host, String path) {
        return host.attributesOf(path).mode().endsWith("00");
    }

    /** Writes {@code path} (OpenSSH private key format, root, 0600) and {@code path.pub} (0644), as cloud-init does. */
    public static void write(HostState host, String path, KeyPair keyPair) {
        ByteArrayOutputStream privateKey = new ByteArrayOutputStream();
        try {
            OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(keyPair, "root@localhost", null, privateKey);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(
                    "cannot encode a host key of type " + keyPair.getPublic().getAlgorithm(), e);
        }
        host.files.put(path, privateKey.toString(StandardCharsets.US_ASCII));
        host.attributes.put(path, new FileAttributes("root", "root", "600"));
        host.files.put(path + ".pub", PublicKeyEntry.toString(keyPair.getPublic()) + " root@localhost\n");
        host.attributes.put(path + ".pub", new FileAttributes("root", "root", "644"));
    }
}
