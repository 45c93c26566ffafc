package dev.rainmaker.droplet.service.sshkeys;

import dev.rainmaker.droplet.domain.HostKey;
import dev.rainmaker.droplet.service.TestKeys;
import dev.rainmaker.events.signup.OpenSshPublicKey;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CloudConfigTests {

    private static final HostKey HOST_KEY = new HostKey(
            "-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMG\nByqGSM49AgEG\n-----END PRIVATE KEY-----\n",
            "ecdsa-sha2-nistp256 AAAAE2VjZHNh rainmaker-host",
            "00".repeat(32),
            "SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");

    @Test
    void theCloudConfigPinsTheHostKeyAuthorisesTheProvisioningKeyAndTurnsPasswordsOff() {
        String userData = CloudConfig.render(HOST_KEY, OpenSshPublicKey.parse(TestKeys.ED25519));

        assertThat(userData).isEqualTo("""
                        #cloud-config
                        ssh_deletekeys: true
                        ssh_genkeytypes: []
                        ssh_keys:
                          ecdsa_private: |
                            -----BEGIN PRIVATE KEY-----
                            MIGHAgEAMBMG
                            ByqGSM49AgEG
                            -----END PRIVATE KEY-----
                          ecdsa_public: ecdsa-sha2-nistp256 AAAAE2VjZHNh rainmaker-host
                        ssh_authorized_keys:
                          - %s
                        ssh_pwauth: false
                        """.formatted(TestKeys.ED25519));
    }

    @Test
    void aProvisioningKeyCommentThatYamlWouldMisreadIsLeftOut() {
        String keyOnly = TestKeys.ED25519.substring(0, TestKeys.ED25519.lastIndexOf(' '));

        String userData = CloudConfig.render(HOST_KEY, OpenSshPublicKey.parse(keyOnly + " ops: #1"));

        assertThat(userData).contains("  - " + keyOnly + "\n");
    }

    @Test
    void aGeneratedKeyRendersWithinDigitalOceansUserDataLimit() {
        String userData = CloudConfig.render(HostKeys.generate(), OpenSshPublicKey.parse(TestKeys.ED25519));

        assertThat(userData).startsWith("#cloud-config\n").hasSizeLessThan(64 * 1024);
    }
}
