package dev.rainmaker.localcloud.hosts.model;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * AWStats 7.8 on a simulated Debian 12 host: {@code /usr/lib/cgi-bin/awstats.pl -config=NAME -update} reads
 * {@code /etc/awstats/awstats.NAME.conf} and the log file it names, and prints (on stdout, as AWStats does, errors
 * included) what it updated.
 */
final class StackAwstats {

    static final String SCRIPT = "/usr/lib/cgi-bin/awstats.pl";
    static final String CONFIG_DIRECTORY = "/etc/awstats/";
    static final String NGINX_ACCESS_LOG = "/var/log/nginx/access.log";

    private static final Pattern LOG_FILE = Pattern.compile("(?m)^LogFile=\"([^\"]*)\"");
    private static final Pattern CONFIG_NAME = Pattern.compile("[A-Za-z0-9._-]+");

    private StackAwstats() {}

    static CommandResult update(String config, HostState host) {
        if (!host.packages.containsKey("awstats")) {
            return CommandResult.failed(127, "bash: line 1: " + SCRIPT + ": No such file or directory\n");
        }
        String path = CONFIG_DIRECTORY + "awstats." + config + ".conf";
        String content = CONFIG_NAME.matcher(config).matches() ? host.files.get(path) : null;
        if (content == null) {
            return new CommandResult(
                    1,
                    "Error: Couldn't open config file \"awstats." + config + ".conf\" nor \"awstats.conf\" after"
                            + " searching in path \".,/etc/awstats,/usr/local/etc/awstats,/etc,/etc/opt/awstats\":"
                            + " No such file or directory\n",
                    "");
        }
        Matcher logFile = LOG_FILE.matcher(content);
        String log = logFile.find() ? logFile.group(1) : "";
        boolean logExists = log.equals(NGINX_ACCESS_LOG) && host.packages.containsKey("nginx");
        if (!logExists) {
            return new CommandResult(
                    1,
                    "Create/Update database for config \"" + path + "\" by AWStats version 7.8 (build 20200416)\n"
                            + "Error: Couldn't open server log file \"" + log + "\" : No such file or directory\n",
                    "");
        }
        host.settings.merge("awstats.updates:" + config, "1", (a, b) -> String.valueOf(Integer.parseInt(a) + 1));
        return CommandResult.ok("Create/Update database for config \"" + path
                + "\" by AWStats version 7.8 (build 20200416)\nFrom data in log file \"" + log + "\"...\n"
                + "Phase 1 : First bypass old records, searching new record...\n"
                + "Jumped lines in file: 0\nParsed lines in file: 0\n Found 0 new qualified records.\n");
    }
}
