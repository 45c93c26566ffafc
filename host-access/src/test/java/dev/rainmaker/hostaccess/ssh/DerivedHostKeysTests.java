package dev.rainmaker.hostaccess.ssh;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.rainmaker.hostaccess.FinalHostKey;
import dev.rainmaker.localcloud.hosts.HostKey;
import dev.rainmaker.localcloud.hosts.ProvisioningKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class DerivedHostKeysTests {

    private static final byte[] SECRET =
            HostKey.generate().keyPair().getPrivate().getEncoded();

    @TempDir
    Path dir;

    @Test
    void theSameDropletAlwaysGetsTheSameEd25519Key() {
        FinalHostKey first = DerivedHostKeys.derive(SECRET, 42);
        FinalHostKey again = DerivedHostKeys.derive(SECRET.clone(), 42);

        assertThat(first.publicKeyLine())
                .startsWith("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5")
                .endsWith(" rainmaker-host");
        assertThat(again.publicKeyLine()).isEqualTo(first.publicKeyLine());
        assertThat(again.fingerprint()).isEqualTo(first.fingerprint()).startsWith("SHA256:");
    }

    @Test
    void everyDropletAndEveryProvisioningKeyGivesAnotherKey() {
        byte[] otherSecret = HostKey.generate().keyPair().getPrivate().getEncoded();

        assertThat(List.of(
                        DerivedHostKeys.derive(SECRET, 42).fingerprint(),
                        DerivedHostKeys.derive(SECRET, 43).fingerprint(),
                        DerivedHostKeys.derive(SECRET, 420).fingerprint(),
                        DerivedHostKeys.derive(otherSecret, 42).fingerprint()))
                .doesNotHaveDuplicates();
    }

    @Test
    void theServiceDerivesFromTheProvisioningKeyItLogsInWith() {
        ProvisioningKey key = ProvisioningKey.createOrReuse(dir);
        ProvisioningKeyFile keyFile = new ProvisioningKeyFile(key.privateKeyFile());

        FinalHostKey derived = new DerivedHostKeys(keyFile).forDroplet(7);

        assertThat(derived.fingerprint())
                .isEqualTo(DerivedHostKeys.derive(
                                keyFile.keyPairs().getFirst().getPrivate().getEncoded(), 7)
                        .fingerprint());
        assertThat(derived.toString()).isEqualTo("FinalHostKey[" + derived.fingerprint() + "]");
    }

    @Test
    void opensshReadsThePrivateKeyFileAndAgreesOnThePublicKeyAndFingerprint() throws Exception {
        assumeTrue(sshKeygenInstalled(), "ssh-keygen is not installed here");
        FinalHostKey key = DerivedHostKeys.derive(SECRET, 42);
        Path file = dir.resolve("ssh_host_ed25519_key");
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.write(file, key.privateKeyFile());

        assertThat(new String(key.privateKeyFile(), StandardCharsets.US_ASCII))
                .startsWith("-----BEGIN OPENSSH PRIVATE KEY-----");
        assertThat(sshKeygen("-y", "-f", file.toString()).strip()).isEqualTo(key.publicKeyLine());
        assertThat(sshKeygen("-l", "-E", "sha256", "-f", file.toString()).split(" ")[1])
                .isEqualTo(key.fingerprint());
    }

    private static boolean sshKeygenInstalled() {
        try {
            Process process = new ProcessBuilder("ssh-keygen", "-?").start();
            return process.waitFor(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            return false;
        }
    }

    private static String sshKeygen(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("ssh-keygen"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("ssh-keygen %s: %s", command, output).isZero();
        return output;
    }
}
