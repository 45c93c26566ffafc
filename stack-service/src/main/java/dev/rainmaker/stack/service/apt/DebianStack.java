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

import static dev.rainmaker.stack.service.ShellQuote.quote;

/**
 * The stack on Debian 12, in the order it is built: packages, their services, MariaDB secured and the customer's
 * database, memcached and munin-node kept local, nginx passing PHP to PHP-FPM, the app seen working and, when the
 * plan asks for it, AWStats reading nginx's log. Debian 12 ships no MySQL server: {@link StackRecipes} refuses a plan
 * that asks for one before anything is installed.
 */
public final class DebianStack implements StackRecipe {

    /** Component name in {@code StackInstalled} to the package whose version it reports, without options. */
    public static final Map<String, String> COMPONENT_PACKAGES = orderedMap(
            "nginx", "nginx",
            "php-fpm", "php-fpm",
            "mariadb", "mariadb-server",
            "memcached", "memcached",
            "munin-node", "munin-node");

    private static final List<String> PACKAGES =
            List.of("nginx", "php-fpm", "php-mysql", "php-apcu", "mariadb-server", "memcached", "munin-node", "curl");
    private static final List<String> SERVICES = List.of("nginx", "php8.2-fpm", "mariadb", "memcached", "munin-node");

    private final boolean awstats;

    public DebianStack(StackOptions options) {
        if (options.database() != DatabaseEngine.MARIADB) {
            throw new IllegalArgumentException("Debian 12 ships MariaDB only, not " + options.database());
        }
        this.awstats = options.awstats();
    }

    @Override
    public String family() {
        return "Debian 12 (apt)";
    }

    @Override
    public Map<String, String> componentPackages() {
        Map<String, String> components = new LinkedHashMap<>(COMPONENT_PACKAGES);
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
        List<HostStep> steps = new ArrayList<>(steps(site.database()));
        if (awstats) {
            steps.set(0, new PackagesInstalled(withAwstats()));
            steps.addAll(Awstats.steps(site));
        }
        return List.copyOf(steps);
    }

    private static List<String> withAwstats() {
        List<String> packages = new ArrayList<>(PACKAGES);
        packages.add(Awstats.PACKAGE);
        return packages;
    }

    /** The stack without options, as every plan gets it. */
    public static List<HostStep> steps(CustomerDatabase database) {
        List<HostStep> steps = new ArrayList<>();
        steps.add(new PackagesInstalled(PACKAGES));
        SERVICES.forEach(unit -> steps.add(new ServiceActive(unit)));
        steps.add(new PhpFpmModulesLoaded());

        steps.add(new TestDatabaseRemoved());
        steps.add(new AnonymousUsersRemoved());
        steps.add(new RootBySocketOnly());
        steps.add(new CustomerDatabaseCreated(database));
        steps.add(new DatabasePasswordGenerated());
        steps.add(new CustomerUserCanLogIn(database));

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
                StackFiles.NGINX_SITE,
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
        return List.copyOf(steps);
    }

    private static Map<String, String> orderedMap(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return Collections.unmodifiableMap(map);
    }
}
