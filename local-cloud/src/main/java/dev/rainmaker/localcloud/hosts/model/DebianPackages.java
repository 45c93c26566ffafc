package dev.rainmaker.localcloud.hosts.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The Debian 12 (bookworm) packages a simulated host can install: versions, dependencies and the services they run. */
public final class DebianPackages {

    /** One package: what {@code apt-get install} sets up with it. */
    public record Package(String name, String version, List<String> depends, List<String> services) {}

    private static final Map<String, Package> BOOKWORM = Stream.of(
                    pkg("openssh-server", "1:9.2p1-2+deb12u3", List.of(), List.of("ssh")),
                    pkg("sudo", "1.9.13p3-1+deb12u1", List.of(), List.of()),
                    pkg("cloud-init", "22.4.2-1+deb12u1", List.of(), List.of()),
                    pkg("tzdata", "2024a-0+deb12u1", List.of(), List.of()),
                    pkg("cron", "3.0pl1-162", List.of(), List.of("cron")),
                    pkg("ca-certificates", "20230311", List.of(), List.of()),
                    pkg("curl", "7.88.1-10+deb12u8", List.of(), List.of()),
                    pkg("ufw", "0.36.2-1", List.of("iptables"), List.of("ufw")),
                    pkg("iptables", "1.8.9-2", List.of(), List.of()),
                    pkg("fail2ban", "1.0.2-2", List.of(), List.of("fail2ban")),
                    pkg("python3-systemd", "235-1+b2", List.of(), List.of()),
                    pkg("unattended-upgrades", "2.9.1+nmu3", List.of(), List.of("unattended-upgrades")),
                    pkg("nginx", "1.22.1-9", List.of(), List.of("nginx")),
                    pkg("php8.2-fpm", "8.2.26-1~deb12u1", List.of(), List.of("php8.2-fpm")),
                    pkg("php-fpm", "2:8.2+93", List.of("php8.2-fpm"), List.of()),
                    pkg("php8.2-mysql", "8.2.26-1~deb12u1", List.of(), List.of()),
                    pkg("php-mysql", "2:8.2+93", List.of("php8.2-mysql"), List.of()),
                    pkg("php-apcu", "5.1.22+4.0.11-2", List.of(), List.of()),
                    pkg("mariadb-client", "1:10.11.6-0+deb12u1", List.of(), List.of()),
                    pkg("mariadb-server", "1:10.11.6-0+deb12u1", List.of("mariadb-client"), List.of("mariadb")),
                    pkg("memcached", "1.6.18-1", List.of(), List.of("memcached")),
                    pkg("munin-node", "2.0.73-1", List.of(), List.of("munin-node")),
                    pkg("awstats", "7.8-3+deb12u2", List.of(), List.of()))
            .collect(Collectors.toUnmodifiableMap(Package::name, p -> p));

    private DebianPackages() {}

    public static Optional<Package> find(String name) {
        return Optional.ofNullable(BOOKWORM.get(name));
    }

    /** True when an installed package ships the unit {@code service} ({@code ssh}, {@code nginx}, ...). */
    public static boolean providesService(HostState host, String service) {
        return host.packages.keySet().stream()
                .map(BOOKWORM::get)
                .anyMatch(p -> p != null && p.services().contains(service));
    }

    private static Package pkg(String name, String version, List<String> depends, List<String> services) {
        return new Package(name, version, depends, services);
    }
}
