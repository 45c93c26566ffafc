package dev.rainmaker.localcloud.hosts.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The commands only the stack (nginx, PHP-FPM, MariaDB, memcached, Munin and the customer's app) sends, as they behave
 * on Debian 12: writing and inspecting the stack's own files, the {@code mariadb} client, the {@code php-fpm8.2 -m},
 * {@code ss} and {@code curl} probes. Packages and services are other models' business: this one reads
 * {@link HostState#packages} and {@link HostState#activeServices} but never changes them.
 *
 * <p>File commands are answered only for the stack's own paths, so they never shadow another family. A service listens
 * where its configuration file says while it is active (the model does not distinguish the file on disk from the one
 * read at the last restart).
 */
public final class StackCommands implements CommandModel {

    /**
     * Setting that makes a service fail to bind its port (value {@code true}), e.g. {@code fault.cannot-bind:memcached}:
     * it stays "active" but nothing listens, so a recipe's probe keeps failing.
     */
    public static final String FAULT_CANNOT_BIND = "fault.cannot-bind:";

    /**
     * Setting naming the PHP version the image's {@code php-fpm} package brings ({@code 8.2} on Debian 12, the
     * default; {@code 8.1} on Ubuntu 22.04, {@code 8.3} on 24.04).
     */
    public static final String PHP_VERSION = "php.version";

    static final String NGINX_SITE = "/etc/nginx/sites-available/default";
    static final String APP_PAGE = "/var/www/html/index.php";
    static final String MEMCACHED_CONF = "/etc/memcached.conf";
    static final String MUNIN_NODE_CONF = "/etc/munin/munin-node.conf";
    static final String RAINMAKER_DIR = "/etc/rainmaker";

    private static final List<String> OWNED_PATHS = List.of(
            NGINX_SITE, APP_PAGE, MEMCACHED_CONF, MUNIN_NODE_CONF, RAINMAKER_DIR + "/", StackAwstats.CONFIG_DIRECTORY);
    private static final String STAT = "stat:";
    private static final String DEFAULT_STAT = "644 root:root";

    private final SecureRandom random = new SecureRandom();

    @Override
    public Optional<CommandResult> run(String command, HostState host) {
        List<String> w;
        try {
            w = StackShellWords.split(command, host.files::get);
        } catch (IllegalArgumentException notOurs) {
            return Optional.empty();
        }
        if (w.isEmpty()) {
            return Optional.empty();
        }
        return Optional.ofNullable(dispatch(w, host));
    }

    private CommandResult dispatch(List<String> w, HostState host) {
        String first = w.get(0);
        if (w.size() == 5
                && first.equals("printf")
                && w.get(1).equals("%s")
                && w.get(3).equals(">")
                && owned(w.get(4))) {
            return write(w.get(4), w.get(2), host);
        }
        if (w.size() == 5
                && first.equals("printf")
                && w.get(3).equals("|")
                && StackMariaDb.CLIENTS.contains(w.get(4))) {
            return StackMariaDb.asRoot(w.get(4), w.get(1).replace("%s", w.get(2)), true, host);
        }
        if (w.size() == 3 && first.equals("chmod") && owned(w.get(2))) {
            return chmod(w.get(1), w.get(2), host);
        }
        if (w.size() == 3 && first.equals("chown") && owned(w.get(2))) {
            return chown(w.get(1), w.get(2), host);
        }
        if (w.equals(List.of("install", "-d", "-m", "0750", "-o", "root", "-g", "www-data", RAINMAKER_DIR))) {
            host.settings.put(STAT + RAINMAKER_DIR, "750 root:www-data");
            return CommandResult.ok();
        }
        if (w.size() == 4
                && first.equals("stat")
                && w.get(1).equals("-c")
                && w.get(2).equals("%a %U:%G %s")) {
            return owned(w.get(3)) ? stat(w.get(3), host) : null;
        }
        if (w.size() == 2 && first.equals("sha256sum")) {
            return owned(w.get(1)) ? sha256sum(w.get(1), host) : null;
        }
        // OpenSSL 3 takes options only before the byte count: "rand -hex 24 -out F" fails on Debian 12.
        if (w.size() == 6
                && w.subList(0, 3).equals(List.of("openssl", "rand", "-hex"))
                && w.get(3).equals("-out")) {
            return owned(w.get(4)) ? randomHex(w.get(5), w.get(4), host) : null;
        }
        if (StackMariaDb.CLIENTS.contains(first)) {
            return mariadbAsRoot(w, host);
        }
        if (first.startsWith("MYSQL_PWD=") && w.size() == 8 && StackMariaDb.CLIENTS.contains(w.get(1))) {
            return mariadbAsUser(w, host);
        }
        if (w.size() == 2 && first.startsWith("php-fpm") && w.get(1).equals("-m")) {
            return phpFpmModules(first, host);
        }
        if (w.size() == 3
                && first.equals("ss")
                && w.get(1).equals("-Hltn")
                && w.get(2).startsWith("sport = :")) {
            return listeners(w.get(2).substring("sport = :".length()), host);
        }
        if (w.equals(List.of("nginx", "-t"))) {
            return nginxConfigTest(host);
        }
        if (w.equals(List.of("curl", "-fsS", "http://127.0.0.1/"))) {
            return StackApp.get(host);
        }
        if (w.size() == 3
                && first.equals(StackAwstats.SCRIPT)
                && w.get(1).startsWith("-config=")
                && w.get(2).equals("-update")) {
            return StackAwstats.update(w.get(1).substring("-config=".length()), host);
        }
        return null;
    }

    static String phpVersion(HostState host) {
        return host.settings.getOrDefault(PHP_VERSION, "8.2");
    }

    /** The PHP-FPM unit of the host's PHP, e.g. {@code php8.2-fpm}. */
    static String phpFpmService(HostState host) {
        return "php" + phpVersion(host) + "-fpm";
    }

    static String phpFpmSocket(HostState host) {
        return "unix:/run/php/" + phpFpmService(host) + ".sock";
    }

    private static boolean owned(String path) {
        return OWNED_PATHS.stream().anyMatch(p -> p.endsWith("/") ? path.startsWith(p) : path.equals(p));
    }

    private static CommandResult write(String path, String content, HostState host) {
        CommandResult parent = parentMissing(path, host);
        if (parent != null) {
            return parent;
        }
        host.files.put(path, content);
        host.settings.putIfAbsent(STAT + path, DEFAULT_STAT);
        return CommandResult.ok();
    }

    private CommandResult randomHex(String bytes, String path, HostState host) {
        CommandResult parent = parentMissing(path, host);
        if (parent != null) {
            return parent;
        }
        byte[] value = new byte[Integer.parseInt(bytes)];
        random.nextBytes(value);
        host.files.put(path, HexFormat.of().formatHex(value) + "\n");
        host.settings.putIfAbsent(STAT + path, DEFAULT_STAT);
        return CommandResult.ok();
    }

    private static CommandResult parentMissing(String path, HostState host) {
        boolean awstatsMissing =
                path.startsWith(StackAwstats.CONFIG_DIRECTORY) && !host.packages.containsKey("awstats");
        if (awstatsMissing
                || (path.startsWith(RAINMAKER_DIR + "/") && !host.settings.containsKey(STAT + RAINMAKER_DIR))) {
            return CommandResult.failed(1, "bash: line 1: " + path + ": No such file or directory\n");
        }
        return null;
    }

    private static CommandResult chmod(String mode, String path, HostState host) {
        if (!host.files.containsKey(path)) {
            return missing("chmod", "cannot access '" + path + "'");
        }
        if (!mode.matches("0?[0-7]{3}")) {
            return CommandResult.failed(1, "chmod: invalid mode: '" + mode + "'\n");
        }
        String owner = host.settings.getOrDefault(STAT + path, DEFAULT_STAT).split(" ")[1];
        host.settings.put(STAT + path, mode.substring(mode.length() - 3) + " " + owner);
        return CommandResult.ok();
    }

    private static CommandResult chown(String owner, String path, HostState host) {
        if (!host.files.containsKey(path)) {
            return missing("chown", "cannot access '" + path + "'");
        }
        if (!owner.matches("[a-z][a-z0-9_-]*:[a-z][a-z0-9_-]*")) {
            return CommandResult.failed(1, "chown: invalid spec: '" + owner + "'\n");
        }
        String mode = host.settings.getOrDefault(STAT + path, DEFAULT_STAT).split(" ")[0];
        host.settings.put(STAT + path, mode + " " + owner);
        return CommandResult.ok();
    }

    private static CommandResult missing(String tool, String what) {
        return CommandResult.failed(1, tool + ": " + what + ": No such file or directory\n");
    }

    private static CommandResult stat(String path, HostState host) {
        String content = host.files.get(path);
        if (content == null) {
            return missing("stat", "cannot statx '" + path + "'");
        }
        String size = Integer.toString(content.getBytes(StandardCharsets.UTF_8).length);
        return CommandResult.ok(host.settings.getOrDefault(STAT + path, DEFAULT_STAT) + " " + size + "\n");
    }

    private static CommandResult sha256sum(String path, HostState host) {
        String content = host.files.get(path);
        if (content == null) {
            return missing("sha256sum", path);
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
            return CommandResult.ok(HexFormat.of().formatHex(digest) + "  " + path + "\n");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code mariadb [-N] -e SQL}: root over the unix socket. */
    private static CommandResult mariadbAsRoot(List<String> w, HostState host) {
        if (w.size() < 3 || !w.get(w.size() - 2).equals("-e")) {
            return null;
        }
        boolean skipColumnNames = w.size() == 4 && w.get(1).equals("-N");
        if (w.size() != 3 && !skipColumnNames) {
            return null;
        }
        return StackMariaDb.asRoot(w.get(0), w.get(w.size() - 1), !skipColumnNames, host);
    }

    /** {@code MYSQL_PWD=... mariadb -u USER -N -e SQL DATABASE}: the customer's own login. */
    private static CommandResult mariadbAsUser(List<String> w, HostState host) {
        if (!w.get(2).equals("-u") || !w.get(4).equals("-N") || !w.get(5).equals("-e")) {
            return null;
        }
        String password = w.get(0).substring("MYSQL_PWD=".length());
        return StackMariaDb.asUser(w.get(1), w.get(3), password, w.get(7), w.get(6), host);
    }

    private static CommandResult phpFpmModules(String program, HostState host) {
        if (!host.packages.containsKey("php-fpm") || !program.equals("php-fpm" + phpVersion(host))) {
            return CommandResult.failed(127, "bash: line 1: " + program + ": command not found\n");
        }
        StringBuilder modules = new StringBuilder("[PHP Modules]\nCore\ndate\nfilter\nhash\njson\npcre\n");
        if (host.packages.containsKey("php-apcu")) {
            modules.append("apcu\n");
        }
        if (host.packages.containsKey("php-mysql")) {
            modules.append("mysqli\nmysqlnd\npdo_mysql\n");
        }
        modules.append("Zend OPcache\n\n[Zend Modules]\nZend OPcache\n");
        return CommandResult.ok(modules.toString());
    }

    private static CommandResult listeners(String port, HostState host) {
        List<String> addresses = StackListeners.addresses(port, host);
        if (addresses == null) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (String address : addresses) {
            out.append("LISTEN 0      1024      ")
                    .append(address)
                    .append(':')
                    .append(port)
                    .append("      0.0.0.0:*\n");
        }
        return CommandResult.ok(out.toString());
    }

    private static CommandResult nginxConfigTest(HostState host) {
        if (!host.packages.containsKey("nginx")) {
            return CommandResult.failed(127, "bash: line 1: nginx: command not found\n");
        }
        String site = host.files.getOrDefault(NGINX_SITE, "");
        if (!site.isEmpty() && !site.trim().endsWith("}")) {
            return CommandResult.failed(
                    1,
                    "nginx: [emerg] unexpected end of file in " + NGINX_SITE + "\nnginx: configuration file"
                            + " /etc/nginx/nginx.conf test failed\n");
        }
        return new CommandResult(
                0,
                "",
                "nginx: the configuration file /etc/nginx/nginx.conf syntax is ok\n"
                        + "nginx: configuration file /etc/nginx/nginx.conf test is successful\n");
    }

    /** The {@code stat -c '%a %U:%G'} of one of the stack's paths: mode digits and owner. */
    static String modeAndOwner(String path, HostState host) {
        return host.settings.getOrDefault(STAT + path, DEFAULT_STAT);
    }
}
