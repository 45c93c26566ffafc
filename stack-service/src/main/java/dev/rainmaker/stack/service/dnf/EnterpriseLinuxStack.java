package dev.rainmaker.stack.service.dnf;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.rainmaker.stack.domain.DatabaseEngine;
import dev.rainmaker.stack.domain.StackOptions;
import dev.rainmaker.stack.domain.StackSite;
import dev.rainmaker.stack.service.HostStep;
import dev.rainmaker.stack.service.StackRecipe;
import dev.rainmaker.stack.service.apt.AnonymousUsersRemoved;
import dev.rainmaker.stack.service.apt.AppAnswers;
import dev.rainmaker.stack.service.apt.Awstats;
import dev.rainmaker.stack.service.apt.AwstatsUpdates;
import dev.rainmaker.stack.service.apt.CustomerDatabaseCreated;
import dev.rainmaker.stack.service.apt.CustomerUserCanLogIn;
import dev.rainmaker.stack.service.apt.DatabasePasswordGenerated;
import dev.rainmaker.stack.service.apt.FileInstalled;
import dev.rainmaker.stack.service.apt.ListensOnLoopbackOnly;
import dev.rainmaker.stack.service.apt.RootBySocketOnly;
import dev.rainmaker.stack.service.apt.ServiceActive;
import dev.rainmaker.stack.service.apt.StackFiles;
import dev.rainmaker.stack.service.apt.TestDatabaseRemoved;

import static dev.rainmaker.hostaccess.ShellQuote.quote;

/**
 * The stack on Rocky Linux and AlmaLinux 9 (the dnf family), step for step what {@code AptStack} builds: EPEL for
 * munin-node (and AWStats), the distribution's nginx, PHP-FPM (running as apache), MariaDB 10.5 and memcached, SELinux
 * letting PHP-FPM reach memcached, and the same checks. The steps that only speak SQL, systemd or files are shared
 * with the apt family.
 */
public final class EnterpriseLinuxStack implements StackRecipe {

    private static final List<String> PACKAGES = List.of(
            "nginx",
            "php-fpm",
            "php-mysqlnd",
            "php-opcache",
            "php-pecl-apcu",
            "mariadb-server",
            "memcached",
            "munin-node",
            "curl");
    private static final List<String> SERVICES = List.of("nginx", "php-fpm", "mariadb", "memcached", "munin-node");
    private static final String WEB_GROUP = "apache";

    private final boolean awstats;

    public EnterpriseLinuxStack(StackOptions options) {
        if (options.database() != DatabaseEngine.MARIADB) {
            throw new IllegalArgumentException("the dnf recipe installs MariaDB only, not " + options.database());
        }
        this.awstats = options.awstats();
    }

    @Override
    public String family() {
        return "Rocky Linux / AlmaLinux 9 (dnf)";
    }

    @Override
    public Map<String, String> componentPackages() {
        Map<String, String> components = new LinkedHashMap<>();
        components.put("nginx", "nginx");
        components.put("php-fpm", "php-fpm");
        components.put("mariadb", "mariadb-server");
        components.put("memcached", "memcached");
        components.put("munin-node", "munin-node");
        if (awstats) {
            components.put("awstats", Awstats.PACKAGE);
        }
        return Collections.unmodifiableMap(components);
    }

    @Override
    public String versionCommand(String pkg) {
        return "rpm -q --qf " + quote("%{VERSION}-%{RELEASE}") + " " + pkg;
    }

    @Override
    public List<HostStep> steps(StackSite site) {
        List<HostStep> steps = new ArrayList<>();
        steps.add(new RpmPackagesInstalled("EPEL repository enabled", List.of("epel-release")));
        List<String> packages = new ArrayList<>(PACKAGES);
        if (awstats) {
            packages.add(Awstats.PACKAGE);
        }
        steps.add(new RpmPackagesInstalled("packages installed: " + String.join(" ", packages), packages));
        SERVICES.forEach(unit -> steps.add(new ServiceActive(unit)));
        steps.add(new PhpModulesLoaded());
        steps.add(new SelinuxBooleanOn("httpd_can_network_memcache"));

        steps.add(new TestDatabaseRemoved());
        steps.add(new AnonymousUsersRemoved());
        steps.add(new RootBySocketOnly());
        steps.add(new CustomerDatabaseCreated(site.database()));
        steps.add(new DatabasePasswordGenerated(WEB_GROUP));
        steps.add(new CustomerUserCanLogIn(site.database()));

        steps.add(new FileInstalled(
                "memcached configured for 127.0.0.1 only",
                EnterpriseLinuxFiles.MEMCACHED_SYSCONFIG_PATH,
                EnterpriseLinuxFiles.MEMCACHED_SYSCONFIG,
                "0644",
                "root:root",
                List.of("systemctl restart memcached")));
        steps.add(new ListensOnLoopbackOnly("memcached", 11211));
        steps.add(new FileInstalled(
                "munin-node configured for localhost only",
                EnterpriseLinuxFiles.MUNIN_NODE_CONF_PATH,
                EnterpriseLinuxFiles.MUNIN_NODE_CONF,
                "0644",
                "root:root",
                List.of("systemctl restart munin-node")));
        steps.add(new ListensOnLoopbackOnly("munin-node", 4949));

        steps.add(new FileInstalled(
                "nginx passes PHP to PHP-FPM",
                EnterpriseLinuxFiles.NGINX_CONF_PATH,
                EnterpriseLinuxFiles.NGINX_CONF,
                "0644",
                "root:root",
                List.of("nginx -t", "systemctl restart nginx")));
        steps.add(new FileInstalled(
                "app page installed",
                EnterpriseLinuxFiles.APP_PAGE_PATH,
                StackFiles.appPage(site.database()),
                "0644",
                "root:root",
                List.of()));
        steps.add(new AppAnswers());
        if (awstats) {
            steps.add(new FileInstalled(
                    "AWStats configured for the site's nginx log",
                    Awstats.configPath(site),
                    EnterpriseLinuxFiles.awstatsConfig(site),
                    "0644",
                    "root:root",
                    List.of()));
            steps.add(new AwstatsUpdates(EnterpriseLinuxFiles.AWSTATS_SCRIPT, site.customerId()));
        }
        return List.copyOf(steps);
    }
}
