package dev.rainmaker.localcloud.hosts.model;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code curl -fsS http://127.0.0.1/} against the customer's app: nginx passes {@code index.php} to PHP-FPM, and the
 * page reports whether it reached MariaDB (with the user, database and password file it names) and memcached. Each
 * part answers only if everything it depends on is in the host's state; the page itself is not interpreted beyond the
 * names it uses.
 */
final class StackApp {

    private static final Pattern DB_LOGIN =
            Pattern.compile("new mysqli\\('localhost', '([A-Za-z0-9_]+)', \\$password, '([A-Za-z0-9_]+)'\\)");
    private static final Pattern PASSWORD_FILE = Pattern.compile("file_get_contents\\('(/etc/rainmaker/[a-z-]+)'\\)");
    private static final Pattern MEMCACHED = Pattern.compile("fsockopen\\('127\\.0\\.0\\.1', 11211");

    private StackApp() {}

    /** {@code curl -fsS http://127.0.0.1/} on the host. */
    static CommandResult get(HostState host) {
        Optional<WebAnswer> answer = answer(host);
        if (answer.isEmpty()) {
            return CommandResult.failed(
                    7, "curl: (7) Failed to connect to 127.0.0.1 port 80 after 0 ms: Couldn't connect to server\n");
        }
        if (answer.get().status() >= 400) {
            return CommandResult.failed(
                    22,
                    "curl: (22) The requested URL returned error: "
                            + answer.get().status() + "\n");
        }
        return CommandResult.ok(answer.get().body());
    }

    /** What nginx answers to {@code GET /}; empty while nginx does not run, so nothing listens on port 80. */
    static Optional<WebAnswer> answer(HostState host) {
        if (!host.activeServices.contains("nginx")) {
            return Optional.empty();
        }
        String site = host.files.getOrDefault(StackCommands.NGINX_SITE, "");
        String page = host.files.get(StackCommands.APP_PAGE);
        if (page == null || !site.contains("index index.php")) {
            return Optional.of(WebAnswer.error(403));
        }
        if (!site.contains("fastcgi_pass " + StackCommands.phpFpmSocket(host))) {
            // nginx hands out the PHP source as a file; the app does not run.
            return Optional.of(new WebAnswer(200, "application/octet-stream", page));
        }
        if (!host.activeServices.contains(StackCommands.phpFpmService(host))) {
            return Optional.of(WebAnswer.error(502));
        }
        return Optional.of(new WebAnswer(
                200,
                "application/json",
                "{\"database\":\"" + okOrFailed(database(page, host)) + "\",\"memcached\":\""
                        + okOrFailed(memcached(page, host)) + "\"}"));
    }

    private static boolean database(String page, HostState host) {
        Matcher login = DB_LOGIN.matcher(page);
        Matcher passwordFile = PASSWORD_FILE.matcher(page);
        if (!login.find() || !passwordFile.find()) {
            return false;
        }
        String password = readableByWebServer(passwordFile.group(1), host);
        return password != null
                && StackMariaDb.canUse(login.group(1), password.replaceAll("\n+$", ""), login.group(2), host);
    }

    /** PHP-FPM runs as www-data: the file must be readable by that group, or by everyone. */
    private static String readableByWebServer(String path, HostState host) {
        String content = host.files.get(path);
        if (content == null) {
            return null;
        }
        String[] stat = StackCommands.modeAndOwner(path, host).split(" ");
        int mode = Integer.parseInt(stat[0], 8);
        boolean groupReads = stat[1].endsWith(":www-data") && (mode & 040) != 0;
        boolean othersRead = (mode & 04) != 0;
        return groupReads || othersRead ? content : null;
    }

    private static boolean memcached(String page, HostState host) {
        List<String> listening = StackListeners.addresses(StackListeners.MEMCACHED_PORT, host);
        return MEMCACHED.matcher(page).find() && (listening.contains("127.0.0.1") || listening.contains("0.0.0.0"));
    }

    private static String okOrFailed(boolean ok) {
        return ok ? "ok" : "failed";
    }
}
