package dev.rainmaker.events.signup;

import java.util.Set;

/** Login names of Debian's and RHEL's system accounts and of the services Rainmaker installs: never an admin user. */
final class SystemAccounts {

    static final Set<String> NAMES = Set.of(
            "root",
            "daemon",
            "bin",
            "sys",
            "sync",
            "games",
            "man",
            "lp",
            "mail",
            "news",
            "uucp",
            "proxy",
            "www-data",
            "backup",
            "list",
            "irc",
            "gnats",
            "nobody",
            "_apt",
            "systemd-network",
            "systemd-resolve",
            "systemd-timesync",
            "messagebus",
            "sshd",
            "admin",
            "adm",
            "halt",
            "shutdown",
            "operator",
            "ftp",
            "nginx",
            "apache",
            "mysql",
            "mariadb",
            "memcache",
            "memcached",
            "munin",
            "postfix",
            "polkitd",
            "chrony",
            "tss",
            "dbus",
            "ubuntu",
            "debian",
            "rocky",
            "cloud-user",
            "rainmaker",
            "sudo",
            "wheel",
            "staff",
            "users");

    private SystemAccounts() {}

    static boolean contains(String username) {
        return NAMES.contains(username);
    }
}
