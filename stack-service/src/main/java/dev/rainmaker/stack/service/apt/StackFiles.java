package dev.rainmaker.stack.service.apt;

import dev.rainmaker.stack.domain.CustomerDatabase;

/** The configuration files and the app page the stack writes, as they end up on the host. */
public final class StackFiles {

    static final String NGINX_SITE_PATH = "/etc/nginx/sites-available/default";
    static final String MEMCACHED_CONF_PATH = "/etc/memcached.conf";
    static final String MUNIN_NODE_CONF_PATH = "/etc/munin/munin-node.conf";
    static final String APP_PAGE_PATH = "/var/www/html/index.php";

    /** The site for the distribution's PHP-FPM, e.g. 8.2. */
    static String nginxSite(String phpVersion) {
        return NGINX_SITE.replace("php8.2-fpm.sock", "php" + phpVersion + "-fpm.sock");
    }

    private static final String NGINX_SITE = """
            # Managed by Rainmaker: the customer's app, through PHP-FPM.
            server {
                listen 80 default_server;
                listen [::]:80 default_server;
                root /var/www/html;
                index index.php;
                server_name _;

                location / {
                    try_files $uri $uri/ =404;
                }

                location ~ \\.php$ {
                    include snippets/fastcgi-php.conf;
                    fastcgi_pass unix:/run/php/php8.2-fpm.sock;
                }

                location ~ /\\. {
                    deny all;
                }
            }
            """;

    /** Debian's defaults, with memcached reachable from this host only. */
    static final String MEMCACHED_CONF = """
            # Managed by Rainmaker: memcached for the customer's app, reachable from this host only.
            -d
            logfile /var/log/memcached.log
            -m 64
            -p 11211
            -u memcache
            -l 127.0.0.1
            -P /var/run/memcached/memcached.pid
            """;

    /** Debian's defaults, with munin-node listening on and answering this host only. */
    static final String MUNIN_NODE_CONF = """
            # Managed by Rainmaker: munin-node answers this host only.
            log_level 4
            log_file /var/log/munin/munin-node.log
            pid_file /var/run/munin/munin-node.pid
            background 1
            setsid 1
            user root
            group root
            ignore_file [\\#~]$
            ignore_file DEADJOE$
            ignore_file \\.bak$
            ignore_file %$
            ignore_file \\.dpkg-(tmp|new|old|dist)$
            ignore_file \\.rpm(save|new)$
            ignore_file \\.pod$
            allow ^127\\.0\\.0\\.1$
            allow ^::1$
            host 127.0.0.1
            port 4949
            """;

    private StackFiles() {}

    /** The customer's app: says, as JSON, whether it reaches its database (password from the host's file) and memcached. */
    public static String appPage(CustomerDatabase database) {
        return """
                <?php
                // Managed by Rainmaker: tells whether this app reaches its database and memcached.
                header('Content-Type: application/json');
                $status = ['database' => 'failed', 'memcached' => 'failed'];

                mysqli_report(MYSQLI_REPORT_OFF);
                $password = trim((string) @file_get_contents('%s'));
                $db = @new mysqli('localhost', '%s', $password, '%s');
                if (!$db->connect_errno && $db->query('SELECT 1')) {
                    $status['database'] = 'ok';
                }

                $memcached = @fsockopen('127.0.0.1', 11211, $errno, $errstr, 2);
                if ($memcached) {
                    fwrite($memcached, "version\\r\\n");
                    if (str_starts_with((string) fgets($memcached), 'VERSION ')) {
                        $status['memcached'] = 'ok';
                    }
                    fclose($memcached);
                }

                echo json_encode($status);
                """.formatted(DatabasePasswordGenerated.FILE, database.user(), database.name());
    }
}
