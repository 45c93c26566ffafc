package dev.rainmaker.localcloud.hosts.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.rainmaker.localcloud.hosts.model.DebianPackages.Package;
import dev.rainmaker.localcloud.hosts.model.ShellWords.SimpleCommand;

/**
 * Packages the Debian way: {@code dpkg-query -W -f=FORMAT PKG...}, {@code dpkg -s PKG}, {@code apt-get update} and
 * {@code apt-get install -y PKG...} (with {@code DEBIAN_FRONTEND=noninteractive} allowed before it). Installing marks
 * the package and its dependencies installed at their bookworm version and starts and enables their services, as
 * Debian's maintainer scripts do. While another apt-get or dpkg runs on the host ({@link DpkgLock}), an install and
 * {@code dpkg --configure -a} fail saying who holds the lock. A dpkg cut off mid-install ({@link #interrupt}) leaves
 * packages half-configured: {@code dpkg --audit} names them, {@code apt-get install} refuses to run until
 * {@code dpkg --configure -a} has completed them; with nothing interrupted, the latter has nothing to do.
 */
public final class PackageCommands implements CommandModel {

    private static final String INTERRUPTED = "dpkg.interrupted";

    @Override
    public Optional<CommandResult> run(String command, HostState host) {
        Optional<SimpleCommand> parsed = ShellWords.parse(command);
        if (parsed.isEmpty() || parsed.get().redirect() != null) {
            return Optional.empty();
        }
        SimpleCommand c = parsed.get();
        return switch (c.word(0)) {
            case "dpkg-query" -> Optional.of(dpkgQuery(c, host));
            case "dpkg" -> dpkg(c, host);
            case "apt-get" -> Optional.of(aptGet(c, host));
            default -> Optional.empty();
        };
    }

    private static Optional<CommandResult> dpkg(SimpleCommand c, HostState host) {
        if (c.startsWith("dpkg", "-s")) {
            return Optional.of(dpkgStatus(c, host));
        }
        List<String> args = c.wordsFrom(1);
        if (args.contains("--configure") && (args.contains("-a") || args.contains("--pending"))) {
            return Optional.of(DpkgLock.holder(host).map(DpkgLock::dpkgLocked).orElseGet(() -> configurePending(host)));
        }
        if (args.equals(List.of("--audit")) || args.equals(List.of("-C"))) {
            return Optional.of(audit(host));
        }
        return Optional.empty();
    }

    /**
     * dpkg was cut off while it set up {@code packages} (the session died, the host rebooted): they are half-configured
     * until {@code dpkg --configure -a}.
     */
    public static void interrupt(HostState host, String... packages) {
        for (String name : packages) {
            host.packages.remove(name);
        }
        host.settings.merge(INTERRUPTED, String.join(" ", packages), (old, added) -> old + " " + added);
    }

    private static List<String> interrupted(HostState host) {
        String names = host.settings.getOrDefault(INTERRUPTED, "").strip();
        return names.isEmpty() ? List.of() : List.of(names.split(" +"));
    }

    /** As dpkg 1.21 prints it, exit status 1 when it found something (0 and no output when not). */
    private static CommandResult audit(HostState host) {
        List<String> halfConfigured = interrupted(host);
        if (halfConfigured.isEmpty()) {
            return CommandResult.ok();
        }
        StringBuilder out = new StringBuilder("The following packages are only half configured, probably due to"
                + " problems\nconfiguring them the first time.  The configuration should be retried using\n"
                + "dpkg --configure <package> or the configure menu option in dselect:\n");
        halfConfigured.forEach(name -> out.append(" ").append(name).append('\n'));
        return new CommandResult(1, out.toString(), "");
    }

    private static CommandResult configurePending(HostState host) {
        StringBuilder out = new StringBuilder();
        for (String name : interrupted(host)) {
            DebianPackages.find(name).ifPresent(p -> setUp(p, host, out));
        }
        host.settings.remove(INTERRUPTED);
        return CommandResult.ok(out.toString());
    }

    private static CommandResult dpkgQuery(SimpleCommand c, HostState host) {
        String format = "${Package}\t${Version}\n";
        List<String> names = new ArrayList<>();
        List<String> args = c.wordsFrom(1);
        if (!args.contains("-W") && !args.contains("--show")) {
            return CommandResult.failed(2, "dpkg-query: simulated host models only 'dpkg-query -W'");
        }
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("-f") || arg.equals("--showformat")) {
                format = args.get(++i);
            } else if (arg.startsWith("-f=") || arg.startsWith("--showformat=")) {
                format = arg.substring(arg.indexOf('=') + 1);
            } else if (!arg.startsWith("-")) {
                names.add(arg);
            }
        }
        StringBuilder out = new StringBuilder();
        for (String name : names) {
            String version = host.packages.get(name);
            if (version == null) {
                return new CommandResult(1, out.toString(), "dpkg-query: no packages found matching " + name);
            }
            out.append(format.replace("${Package}", name)
                    .replace("${Status}", "install ok installed")
                    .replace("${db:Status-Abbrev}", "ii ")
                    .replace("${Version}", version)
                    .replace("\\n", "\n")
                    .replace("\\t", "\t"));
        }
        return CommandResult.ok(out.toString());
    }

    private static CommandResult dpkgStatus(SimpleCommand c, HostState host) {
        String name = c.word(2);
        String version = host.packages.get(name);
        if (version == null) {
            return CommandResult.failed(
                    1, "dpkg-query: package '" + name + "' is not installed and no information is available");
        }
        return CommandResult.ok(
                "Package: " + name + "\nStatus: install ok installed\nArchitecture: amd64\nVersion: " + version + "\n");
    }

    private static CommandResult aptGet(SimpleCommand c, HostState host) {
        List<String> args = c.wordsFrom(1);
        List<String> operands = args.stream().filter(a -> !a.startsWith("-")).toList();
        if (operands.isEmpty()) {
            return CommandResult.failed(100, "E: Invalid operation");
        }
        return switch (operands.get(0)) {
            case "update" -> {
                host.settings.put("apt.updated", "true");
                yield CommandResult.ok("Reading package lists... Done\n");
            }
            case "install" -> install(operands.subList(1, operands.size()), args, host);
            default -> CommandResult.failed(100, "E: simulated host does not model apt-get " + operands.get(0));
        };
    }

    private static CommandResult install(List<String> names, List<String> options, HostState host) {
        Optional<HostProcess> lockHolder = DpkgLock.holder(host);
        if (lockHolder.isPresent()) {
            return DpkgLock.aptGetLocked(lockHolder.get());
        }
        if (!interrupted(host).isEmpty()) {
            return CommandResult.failed(
                    100,
                    "E: dpkg was interrupted, you must manually run 'dpkg --configure -a' to correct the problem.");
        }
        if (!options.contains("-y") && !options.contains("--yes") && !options.contains("-qy")) {
            return CommandResult.failed(1, "Do you want to continue? [Y/n] Abort.");
        }
        List<Package> toInstall = new ArrayList<>();
        for (String name : names) {
            Optional<Package> found = DebianPackages.find(name);
            if (found.isEmpty()) {
                return CommandResult.failed(100, "E: Unable to locate package " + name);
            }
            collect(found.get(), host, toInstall);
        }
        StringBuilder out = new StringBuilder("Reading package lists... Done\n");
        for (Package p : toInstall) {
            setUp(p, host, out);
        }
        if (toInstall.isEmpty()) {
            out.append("0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.\n");
        }
        return CommandResult.ok(out.toString());
    }

    /** Marks the package installed and starts and enables its services, as its maintainer scripts do. */
    private static void setUp(Package p, HostState host, StringBuilder out) {
        host.packages.put(p.name(), p.version());
        host.activeServices.addAll(p.services());
        host.enabledServices.addAll(p.services());
        out.append("Setting up ")
                .append(p.name())
                .append(" (")
                .append(p.version())
                .append(") ...\n");
    }

    private static void collect(Package p, HostState host, List<Package> toInstall) {
        if (host.packages.containsKey(p.name()) || toInstall.contains(p)) {
            return;
        }
        for (String dependency : p.depends()) {
            DebianPackages.find(dependency).ifPresent(d -> collect(d, host, toInstall));
        }
        toInstall.add(p);
    }
}
