package dev.rainmaker.localcloud.hosts;

import java.util.List;

/** Renders a droplet's {@code #cloud-config} in the contract's shape (docs/architecture.md), for tests. */
public final class TestCloudConfig {

    private TestCloudConfig() {}

    public static String render(HostKey hostKey, List<String> authorizedKeys) {
        StringBuilder yaml = new StringBuilder("#cloud-config\nssh_deletekeys: true\nssh_keys:\n  ecdsa_private: |\n");
        hostKey.privateKeyPem()
                .lines()
                .forEach(line -> yaml.append("    ").append(line).append('\n'));
        yaml.append("  ecdsa_public: ").append(hostKey.publicKeyLine()).append('\n');
        yaml.append("ssh_authorized_keys:\n");
        authorizedKeys.forEach(key -> yaml.append("  - ").append(key).append('\n'));
        yaml.append("ssh_pwauth: false\n");
        return yaml.toString();
    }
}
