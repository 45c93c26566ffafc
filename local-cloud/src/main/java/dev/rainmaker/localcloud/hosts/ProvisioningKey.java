package dev.rainmaker.localcloud.hosts;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;

import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;

/**
 * The provisioning SSH key pair services log in to hosts with: {@code <dir>/provisioning_key} (OpenSSH private key
 * format, EC P-256, mode 0600) and {@code <dir>/provisioning_key.pub} (one OpenSSH line). Reused when present.
 */
public record ProvisioningKey(Path privateKeyFile, Path publicKeyFile, String publicKeyLine) {

    public static final String COMMENT = "rainmaker-provisioning";

    public static ProvisioningKey createOrReuse(Path dir) {
        Path privateKeyFile = dir.resolve("provisioning_key");
        Path publicKeyFile = dir.resolve("provisioning_key.pub");
        try {
            if (!Files.exists(privateKeyFile) || !Files.exists(publicKeyFile)) {
                Files.createDirectories(dir);
                write(HostKey.generate().keyPair(), privateKeyFile, publicKeyFile);
            }
            return new ProvisioningKey(
                    privateKeyFile,
                    publicKeyFile,
                    Files.readString(publicKeyFile).trim());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the provisioning key in " + dir, e);
        }
    }

    private static void write(KeyPair keyPair, Path privateKeyFile, Path publicKeyFile) throws IOException {
        Files.deleteIfExists(privateKeyFile);
        Files.createFile(
                privateKeyFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (OutputStream out = Files.newOutputStream(privateKeyFile)) {
            OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(keyPair, COMMENT, null, out);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot encode the provisioning key", e);
        }
        Files.writeString(
                publicKeyFile,
                PublicKeyEntry.toString(keyPair.getPublic()) + " " + COMMENT + "\n",
                StandardCharsets.US_ASCII);
    }
}
