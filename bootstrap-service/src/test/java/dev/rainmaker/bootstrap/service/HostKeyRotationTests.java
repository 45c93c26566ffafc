package dev.rainmaker.bootstrap.service;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.List;

import dev.rainmaker.bootstrap.domain.StepOutcome;
import dev.rainmaker.hostaccess.CommandOutput;
import dev.rainmaker.hostaccess.FinalHostKey;
import dev.rainmaker.hostaccess.FirstLoginShell;
import dev.rainmaker.localcloud.hosts.HostKey;
import dev.rainmaker.localcloud.hosts.HostSpec;
import dev.rainmaker.localcloud.hosts.SimulatedHost;
import dev.rainmaker.localcloud.hosts.SimulatedHosts;
import dev.rainmaker.localcloud.hosts.TestCloudConfig;
import dev.rainmaker.localcloud.hosts.model.CommandResult;
import dev.rainmaker.localcloud.hosts.model.StandardInput;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.digest.BuiltinDigests;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rotation against a simulated Debian 12 host's command models, without SSH in between. */
class HostKeyRotationTests {

    private final SimulatedHosts hosts = SimulatedHosts.onFreePort();
    private final HostKeyRotation rotation = new HostKeyRotation();
    private final HostKey bootKey = HostKey.generate();
    private FinalHostKey finalKey;
    private SimulatedHost host;

    @BeforeEach
    void bootHost() throws Exception {
        hosts.boot(new HostSpec(
                1,
                "rm-one",
                TestCloudConfig.render(bootKey, List.of(HostKey.generate().publicKeyLine()))));
        host = hosts.host(1L);
        finalKey = ed25519();
    }

    @AfterEach
    void shutdown() {
        hosts.close();
    }

    @Test
    void aNewHostGetsItsFinalKeyAndThenPresentsOnlyIt() {
        assertThat(presented()).containsExactly(bootKey.fingerprint());

        assertThat(rotation.rotate(login(), finalKey, "ssh")).isEqualTo(StepOutcome.APPLIED);

        assertThat(presented()).containsExactly(finalKey.fingerprint());
        assertThat(host.state().files)
                .doesNotContainKeys("/etc/ssh/ssh_host_ecdsa_key", "/etc/ssh/ssh_host_ecdsa_key.pub");
        assertThat(host.state().attributesOf(HostKeyRotation.KEY_FILE).mode()).isEqualTo("600");
        assertThat(host.state().files.get(HostKeyRotation.KEY_FILE + ".pub"))
                .isEqualTo(finalKey.publicKeyLine() + "\n");
        assertThat(host.state().files.get(HostKeyRotation.SSHD_DROP_IN))
                .isEqualTo("HostKey " + HostKeyRotation.KEY_FILE + "\n");
        assertThat(host.commands()).noneMatch(command -> command.contains("PRIVATE KEY"));
    }

    @Test
    void aHostThatAlreadyPresentsItsFinalKeyIsOnlyChecked() {
        rotation.rotate(login(), finalKey, "ssh");
        int commandsBefore = host.commands().size();

        assertThat(rotation.rotate(login(), finalKey, "ssh")).isEqualTo(StepOutcome.SKIPPED);
        assertThat(host.commands().subList(commandsBefore, host.commands().size()))
                .containsExactly(HostKeyRotation.step(finalKey, "ssh").check());
    }

    @Test
    void filesInPlaceWhileSshdStillPresentsTheBootKeyAreNotDone() {
        String apply = HostKeyRotation.step(finalKey, "ssh").apply();
        String withoutReload = apply.substring(0, apply.lastIndexOf(" && systemctl reload ssh"));
        host.run(withoutReload, StandardInput.of(new String(finalKey.privateKeyFile(), StandardCharsets.US_ASCII)));
        assertThat(presented()).containsExactly(bootKey.fingerprint());

        assertThat(rotation.rotate(login(), finalKey, "ssh")).isEqualTo(StepOutcome.APPLIED);
        assertThat(presented()).containsExactly(finalKey.fingerprint());
    }

    @Test
    void aChangeThatFailsNamesTheStepAndWhatTheHostSaidWithoutTheKey() {
        hosts.failNext(1L, "touch ", 1, 1);

        assertThatThrownBy(() -> rotation.rotate(login(), finalKey, "ssh"))
                .isInstanceOf(HardeningFailure.class)
                .hasMessageContaining("hardening step 'host-key'")
                .hasMessageContaining("simulated failure")
                .hasMessageNotContaining("PRIVATE KEY");
        assertThat(presented()).containsExactly(bootKey.fingerprint());
    }

    private List<String> presented() {
        return host.hostKeys().stream().map(HostKeyRotationTests::fingerprint).toList();
    }

    /** A login as the real client makes it: the host key is the one the host presents now. */
    private FirstLoginShell login() {
        String presented = presented().getFirst();
        return new FirstLoginShell() {
            @Override
            public String presentedHostKeyFingerprint() {
                return presented;
            }

            @Override
            public CommandOutput run(String command, byte[] standardInput) {
                return output(
                        host.run(command, StandardInput.of(new String(standardInput, StandardCharsets.US_ASCII))));
            }

            @Override
            public CommandOutput run(String command) {
                return output(host.run(command));
            }

            @Override
            public String host() {
                return "test host";
            }

            @Override
            public void close() {}
        };
    }

    private static CommandOutput output(CommandResult result) {
        return new CommandOutput(result.exitStatus(), result.stdout(), result.stderr());
    }

    private static String fingerprint(KeyPair key) {
        return KeyUtils.getFingerPrint(BuiltinDigests.sha256, key.getPublic());
    }

    private static FinalHostKey ed25519() throws Exception {
        KeyPair pair = KeyUtils.generateKeyPair(KeyPairProvider.SSH_ED25519, 256);
        java.io.ByteArrayOutputStream file = new java.io.ByteArrayOutputStream();
        OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(pair, "final", null, file);
        return new FinalHostKey(
                PublicKeyEntry.toString(pair.getPublic()) + " final", fingerprint(pair), file.toByteArray());
    }
}
