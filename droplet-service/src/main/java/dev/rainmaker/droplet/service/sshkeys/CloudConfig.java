package dev.rainmaker.droplet.service.sshkeys;

import dev.rainmaker.droplet.domain.HostKey;
import dev.rainmaker.events.signup.OpenSshPublicKey;

/**
 * The droplet's cloud-init {@code user_data} (docs/architecture.md): the pinned host key and no other (cloud-init
 * would otherwise generate keys of the other types, which sshd would offer unpinned), the provisioning key for root,
 * password login off.
 *
 * <p>The host key here is a <em>boot</em> key: droplets created in one batch share it, and anyone with root on a
 * droplet can read it from DigitalOcean's metadata service. It only pins the host for bootstrap-service's first login,
 * which replaces it with a key of the droplet's own and reports that key's fingerprint in {@code HostHardened}.
 */
public final class CloudConfig {

    private CloudConfig() {}

    public static String render(HostKey hostKey, OpenSshPublicKey provisioningKey) {
        StringBuilder yaml = new StringBuilder()
                .append("#cloud-config\n")
                .append("ssh_deletekeys: true\n")
                .append("ssh_genkeytypes: []\n")
                .append("ssh_keys:\n")
                .append("  ecdsa_private: |\n");
        hostKey.privateKeyPem()
                .lines()
                .forEach(line -> yaml.append("    ").append(line).append('\n'));
        return yaml.append("  ecdsa_public: ")
                .append(hostKey.publicKeyLine())
                .append('\n')
                .append("ssh_authorized_keys:\n")
                .append("  - ")
                .append(provisioningKey.toYamlSafeLine())
                .append('\n')
                .append("ssh_pwauth: false\n")
                .toString();
    }
}
