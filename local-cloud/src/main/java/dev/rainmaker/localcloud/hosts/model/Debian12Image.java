package dev.rainmaker.localcloud.hosts.model;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.List;

/**
 * A freshly booted DigitalOcean {@code debian-12-x64} droplet after cloud-init ran: base packages, {@code ssh} and
 * {@code cron} running, root's authorized keys from {@code ssh_authorized_keys}, DigitalOcean's
 * {@code PermitRootLogin yes} in sshd_config, cloud-init's {@code ssh_pwauth} drop-in, the UTC time zone, no ufw, no
 * fail2ban, no swap, and the host key cloud-init wrote ({@code /etc/ssh/ssh_host_ecdsa_key} and {@code .pub}).
 */
public final class Debian12Image {

    private static final List<String> BASE_PACKAGES =
            List.of("openssh-server", "sudo", "cloud-init", "tzdata", "cron", "ca-certificates", "curl");

    private Debian12Image() {}

    /** A host whose cloud-config gave no host key: cloud-init generated an EC P-256 one. */
    public static HostState boot(List<String> rootAuthorizedKeys, Boolean passwordAuthentication) {
        return boot(rootAuthorizedKeys, passwordAuthentication, generatedHostKey());
    }

    /**
     * @param rootAuthorizedKeys OpenSSH public key lines for root
     * @param passwordAuthentication cloud-init's {@code ssh_pwauth}, or null when the cloud-config leaves it unset
     * @param ecdsaHostKey the EC P-256 host key from the cloud-config's {@code ssh_keys}
     */
    public static HostState boot(
            List<String> rootAuthorizedKeys, Boolean passwordAuthentication, KeyPair ecdsaHostKey) {
        HostState host = new HostState();
        for (String name : BASE_PACKAGES) {
            host.packages.put(name, DebianPackages.find(name).orElseThrow().version());
        }
        host.activeServices.addAll(List.of("ssh", "cron"));
        host.enabledServices.addAll(List.of("ssh", "cron"));

        UserCommands.addUser(host, "root", 0, "/root");
        UserCommands.addGroup(host, "adm", 4);
        UserCommands.addGroup(host, "sudo", 27);
        UserCommands.addGroup(host, "www-data", 33);
        UserCommands.addGroup(host, "users", 100);

        directory(host, "/root", "700");
        directory(host, "/root/.ssh", "700");
        directory(host, "/home", "755");
        directory(host, "/etc", "755");
        directory(host, "/etc/ssh", "755");
        directory(host, SshdCommands.DROP_IN_DIRECTORY, "755");
        directory(host, "/etc/sudoers.d", "750");
        directory(host, "/etc/apt", "755");
        directory(host, AptConfigCommands.DIRECTORY, "755");

        file(host, "/root/.ssh/authorized_keys", String.join("\n", rootAuthorizedKeys) + "\n", "600");
        file(host, SshdCommands.MAIN_CONFIG, """
                Include /etc/ssh/sshd_config.d/*.conf
                PermitRootLogin yes
                KbdInteractiveAuthentication no
                UsePAM yes
                X11Forwarding yes
                PrintMotd no
                AcceptEnv LANG LC_*
                Subsystem sftp /usr/lib/openssh/sftp-server
                """, "644");
        if (passwordAuthentication != null) {
            file(
                    host,
                    SshdCommands.DROP_IN_DIRECTORY + "/50-cloud-init.conf",
                    "PasswordAuthentication " + (passwordAuthentication ? "yes" : "no") + "\n",
                    "600");
        }
        file(
                host,
                "/etc/fstab",
                "# /etc/fstab: static file system information.\n"
                        + "UUID=6c2d6e1c-1f5e-4e3a-9d1b-3f0d2b6f8a11 / ext4 errors=remount-ro 0 1\n",
                "644");
        HostKeyFiles.write(host, "/etc/ssh/ssh_host_ecdsa_key", ecdsaHostKey);
        host.settings.put(TimezoneCommands.TIMEZONE, "Etc/UTC");
        return host;
    }

    private static KeyPair generatedHostKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot generate an EC P-256 key", e);
        }
    }

    private static void directory(HostState host, String path, String mode) {
        host.directories.add(path);
        host.attributes.put(path, new FileAttributes("root", "root", mode));
    }

    private static void file(HostState host, String path, String content, String mode) {
        host.files.put(path, content);
        host.attributes.put(path, new FileAttributes("root", "root", mode));
    }
}
