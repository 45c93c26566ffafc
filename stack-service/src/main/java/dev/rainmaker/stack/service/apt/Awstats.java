package dev.rainmaker.stack.service.apt;

import java.util.List;

import dev.rainmaker.stack.domain.StackSite;
import dev.rainmaker.stack.service.HostStep;

/**
 * AWStats for the customer's site: a configuration named after the customer that reads nginx's access log (nginx's
 * default {@code combined} format is AWStats' {@code LogFormat=1}), and an update run to see that it works.
 */
public final class Awstats {

    public static final String PACKAGE = "awstats";
    static final String CONFIG_DIRECTORY = "/etc/awstats";
    static final String NGINX_ACCESS_LOG = "/var/log/nginx/access.log";
    static final String DATA_DIRECTORY = "/var/lib/awstats";
    /** Debian installs the script as a CGI program, outside the PATH. */
    static final String SCRIPT = "/usr/lib/cgi-bin/awstats.pl";

    private Awstats() {}

    static List<HostStep> steps(StackSite site) {
        return List.of(
                new FileInstalled(
                        "AWStats configured for the site's nginx log",
                        configPath(site),
                        config(site),
                        "0644",
                        "root:root",
                        List.of()),
                new AwstatsUpdates(SCRIPT, site.customerId()));
    }

    public static String configPath(StackSite site) {
        return CONFIG_DIRECTORY + "/awstats." + site.customerId() + ".conf";
    }

    public static String config(StackSite site) {
        return """
                # Managed by Rainmaker: statistics of the customer's site, from nginx's access log.
                LogFile="%s"
                LogType=W
                LogFormat=1
                SiteDomain="%s"
                HostAliases="localhost 127.0.0.1 %s"
                DirData="%s"
                DNSLookup=0
                AllowToUpdateStatsFromBrowser=0
                """.formatted(NGINX_ACCESS_LOG, site.publicIpv4(), site.publicIpv4(), DATA_DIRECTORY);
    }
}
