package dev.rainmaker.stack.testhost;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.rainmaker.localcloud.hosts.model.CommandModel;
import dev.rainmaker.localcloud.hosts.model.CommandResult;
import dev.rainmaker.localcloud.hosts.model.HostState;
import dev.rainmaker.localcloud.hosts.model.StackCommands;

/**
 * Test-only stand-in for the packages and services models local-cloud's simulated hosts bring: just the apt-get,
 * dpkg-query and systemctl forms the stack's recipe sends. Installing a package starts and enables its service, as on
 * Debian.
 */
public final class TestPackagesModel implements CommandModel {

    public static final Map<String, String> VERSIONS = Map.of(
            "nginx", "1.22.1-9",
            "php-fpm", "2:8.2+93",
            "mariadb-server", "1:10.11.6-0+deb12u1",
            "memcached", "1.6.18-1",
            "munin-node", "2.0.73-1");

    private final Map<String, String> services;
    private final String phpVersion;

    /** Debian 12's packages: PHP 8.2. */
    public TestPackagesModel() {
        this("8.2");
    }

    /** An apt distribution whose {@code php-fpm} brings {@code phpVersion} (Ubuntu 24.04: 8.3). */
    public TestPackagesModel(String phpVersion) {
        this.phpVersion = phpVersion;
        this.services = Map.of(
                "nginx", "nginx",
                "php-fpm", "php" + phpVersion + "-fpm",
                "mariadb-server", "mariadb",
                "mysql-server", "mysql",
                "memcached", "memcached",
                "munin-node", "munin-node");
    }

    @Override
    public Optional<CommandResult> run(String command, HostState host) {
        List<String> w = List.of(command.trim()
                .replaceFirst("^DEBIAN_FRONTEND=noninteractive ", "")
                .split("\\s+"));
        if (w.get(0).equals("dpkg-query") && command.contains("-f='${Package} ${db:Status-Abbrev}\\n'")) {
            List<String> names = w.subList(w.indexOf("${db:Status-Abbrev}\\n'") + 1, w.size());
            StringBuilder out = new StringBuilder();
            names.stream()
                    .filter(host.packages::containsKey)
                    .forEach(p -> out.append(p).append(" ii \n"));
            boolean all = names.stream().allMatch(host.packages::containsKey);
            return Optional.of(
                    new CommandResult(all ? 0 : 1, out.toString(), all ? "" : "dpkg-query: no packages found"));
        }
        if (w.equals(List.of("apt-get", "update", "-q"))) {
            return Optional.of(CommandResult.ok());
        }
        if (w.size() == 3 && w.get(0).equals("dpkg") && w.get(1).equals("-s")) {
            return Optional.of(
                    host.packages.containsKey(w.get(2))
                            ? CommandResult.ok("Package: " + w.get(2) + "\nStatus: install ok installed\n")
                            : CommandResult.failed(1, "dpkg-query: package '" + w.get(2) + "' is not installed\n"));
        }
        if (w.size() == 4 && w.get(0).equals("dpkg-query") && w.get(2).equals("-f='${Version}'")) {
            String version = host.packages.get(w.get(3));
            return Optional.of(
                    version == null
                            ? CommandResult.failed(1, "dpkg-query: no packages found matching " + w.get(3) + "\n")
                            : CommandResult.ok(version));
        }
        if (w.size() >= 4 && w.subList(0, 3).equals(List.of("apt-get", "install", "-y"))) {
            w.subList(3, w.size()).stream().filter(p -> !p.startsWith("-")).forEach(p -> {
                host.packages.put(p, VERSIONS.getOrDefault(p, "1.0-1"));
                if (p.equals("php-fpm")) {
                    host.settings.put(StackCommands.PHP_VERSION, phpVersion);
                }
                String service = services.get(p);
                if (service != null) {
                    host.activeServices.add(service);
                    host.enabledServices.add(service);
                }
            });
            return Optional.of(CommandResult.ok());
        }
        if (w.size() == 3 && w.get(0).equals("systemctl") && w.get(1).equals("is-active")) {
            boolean active = host.activeServices.contains(w.get(2));
            return Optional.of(new CommandResult(active ? 0 : 3, active ? "active\n" : "inactive\n", ""));
        }
        if (w.size() == 4
                && w.get(0).equals("systemctl")
                && w.get(1).equals("enable")
                && w.get(2).equals("--now")) {
            host.activeServices.add(w.get(3));
            host.enabledServices.add(w.get(3));
            return Optional.of(CommandResult.ok());
        }
        if (w.size() == 3 && w.get(0).equals("systemctl") && w.get(1).equals("restart")) {
            host.activeServices.add(w.get(2));
            return Optional.of(CommandResult.ok());
        }
        return Optional.empty();
    }
}
