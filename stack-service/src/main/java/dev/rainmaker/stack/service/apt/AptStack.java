package dev.rainmaker.stack.service.apt;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.rainmaker.stack.domain.CustomerDatabase;
import dev.rainmaker.stack.domain.DatabaseEngine;
import dev.rainmaker.stack.domain.StackOptions;
import dev.rainmaker.stack.domain.StackSite;
import dev.rainmaker.stack.service.HostStep;
import dev.rainmaker.stack.service.StackRecipe;

import static dev.rainmaker.hostaccess.ShellQuote.quote;

/**
 * The stack on the apt family (Debian 12, Ubuntu 22.04 and 24.04), in the order it is built: packages, their services,
 * the SQL server (MariaDB, or MySQL where the distribution ships it) secured and the customer's database, memcached and
 * munin-node kept local, nginx passing PHP to the distribution's PHP-FPM, the app seen working and, when the plan asks
 * for it, AWStats reading nginx's log. {@code StackRecipes} refuses MySQL on Debian before anything is installed.
 */
public final class AptStack implements StackRecipe {

    private final AptDistribution distribution;
    private final SqlServer sql;
    private final boolean awstats;

    public AptStack(AptDistribution distribution, StackOptions options) {
        if (options.database() == DatabaseEngine.MYSQL && !distribution.shipsMysqlServer()) {
            throw new IllegalArgumentException(distribution.name() + " ships no MySQL server");
        }
        this.distribution = distribution;
        this.sql = new SqlServer(options.database());
        this.awstats = options.awstats();
    }

    /** Debian 12 with MariaDB and no options: what every plan gets there. */
    public static List<HostStep> steps(CustomerDatabase database) {
        return new AptStack(AptDistribution.DEBIAN_12, StackOptions.defaults(null))
                .steps(new StackSite("test", database, "127.0.0.1"));
    }

    @Override
    public String family() {
        return distribution.name() + " (apt, " + sql.displayName() + ")";
    }

    @Override
    public Map<String, String> componentPackages() {
        Map<String, String> components = new LinkedHashMap<>();
        components.put("nginx", "nginx");
        components.put("php-fpm", "php-fpm");
        components.put(sql.unit(), sql.serverPackage());
        components.put("memcached", "memcached");
        components.put("munin-node", "munin-node");
        if (awstats) {
            components.put("awstats", Awstats.PACKAGE);
        }
        return Collections.unmodifiableMap(components);
    }

    @Override
    public String versionCommand(String pkg) {
        return "dpkg-query -W -f=" + quote("${Version}") + " " + pkg;
    }

    @Override
    public List<HostStep> steps(StackSite site) {
        CustomerDatabase database = site.database();
        List<HostStep> steps = new ArrayList<>();
        steps.add(new PackagesInstalled(packages()));
        List.of("nginx", distribution.phpFpm(), sql.unit(), "memcached", "munin-node")
                .forEach(unit -> steps.add(new ServiceActive(unit)));
        steps.add(new PhpFpmModulesLoaded(distribution.phpVersion()));

        steps.add(new TestDatabaseRemoved(sql));
        steps.add(new AnonymousUsersRemoved(sql));
        steps.add(new RootBySocketOnly(sql));
        steps.add(new CustomerDatabaseCreated(sql, database));
        steps.add(new DatabasePasswordGenerated());
        steps.add(new CustomerUserCanLogIn(sql, database));

        steps.add(new FileInstalled(
                "memcached configured for 127.0.0.1 only",
                StackFiles.MEMCACHED_CONF_PATH,
                StackFiles.MEMCACHED_CONF,
                "0644",
                "root:root",
                List.of("systemctl restart memcached")));
        steps.add(new ListensOnLoopbackOnly("memcached", 11211));
        steps.add(new FileInstalled(
                "munin-node configured for localhost only",
                StackFiles.MUNIN_NODE_CONF_PATH,
                StackFiles.MUNIN_NODE_CONF,
                "0644",
                "root:root",
                List.of("systemctl restart munin-node")));
        steps.add(new ListensOnLoopbackOnly("munin-node", 4949));

        steps.add(new FileInstalled(
                "nginx site passes PHP to PHP-FPM",
                StackFiles.NGINX_SITE_PATH,
                StackFiles.nginxSite(distribution.phpVersion()),
                "0644",
                "root:root",
                List.of("nginx -t", "systemctl restart nginx")));
        steps.add(new FileInstalled(
                "app page installed",
                StackFiles.APP_PAGE_PATH,
                StackFiles.appPage(database),
                "0644",
                "root:root",
                List.of()));
        steps.add(new AppAnswers());
        if (awstats) {
            steps.addAll(Awstats.steps(site));
        }
        return List.copyOf(steps);
    }

    private List<String> packages() {
        List<String> packages = new ArrayList<>(
                List.of("nginx", "php-fpm", "php-mysql", "php-apcu", sql.serverPackage(), "memcached", "munin-node"));
        packages.add("curl");
        if (awstats) {
            packages.add(Awstats.PACKAGE);
        }
        return packages;
    }
}
