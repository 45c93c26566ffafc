package dev.rainmaker.stack.service.dnf;

import dev.rainmaker.stack.domain.StackSite;

/** The files the stack writes on Rocky Linux and AlmaLinux 9, where they differ from Debian's. */
final class EnterpriseLinuxFiles {

    static final String NGINX_CONF_PATH = "/etc/nginx/nginx.conf";
    static final String MEMCACHED_SYSCONFIG_PATH = "/etc/sysconfig/memcached";
    static final String MUNIN_NODE_CONF_PATH = "/etc/munin/munin-node.conf";
    static final String WEB_ROOT = "/usr/share/nginx/html";
    static final String APP_PAGE_PATH = WEB_ROOT + "/index.php";
    static final String AWSTATS_SCRIPT = "/usr/share/awstats/wwwroot/cgi-bin/awstats.pl";

    /** The whole nginx.conf: the distribution's has its own default server on port 80, which would clash. */
    static final String NGINX_CONF = """
            # Managed by Rainmaker: the customer's app, through PHP-FPM.
            user nginx;
            worker_processes auto;
            error_log /var/log/nginx/error.log;
            pid /run/nginx.pid;
            include /usr/share/nginx/modules/*.conf;

            events {
                worker_connections 1024;
            }

            http {
                log_format main '$remote_addr - $remote_user [$time_local] "$request" '
                                '$status $body_bytes_sent "$http_referer" "$http_user_agent"';
                access_log /var/log/nginx/access.log main;
                sendfile on;
                include /etc/nginx/mime.types;
                default_type application/octet-stream;

                server {
                    listen 80 default_server;
                    listen [::]:80 default_server;
                    root /usr/share/nginx/html;
                    index index.php;
                    server_name _;

                    location / {
                        try_files $uri $uri/ =404;
                    }

                    location ~ \\.php$ {
                        try_files $uri =404;
                        fastcgi_pass unix:/run/php-fpm/www.sock;
                        fastcgi_index index.php;
                        fastcgi_param SCRIPT_FILENAME $document_root$fastcgi_script_name;
                        include fastcgi_params;
                    }

                    location ~ /\\. {
                        deny all;
                    }
                }
            }
            """;

    /** The distribution's settings, with memcached reachable from this host only. */
    static final String MEMCACHED_SYSCONFIG = """
            # Managed by Rainmaker: memcached for the customer's app, reachable from this host only.
            PORT="11211"
            USER="memcached"
            MAXCONN="1024"
            CACHESIZE="64"
            OPTIONS="-l 127.0.0.1"
            """;

    static final String MUNIN_NODE_CONF = """
            # Managed by Rainmaker: munin-node answers this host only.
            log_level 4
            log_file /var/log/munin-node/munin-node.log
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

    private EnterpriseLinuxFiles() {}

    /** AWStats reads nginx's {@code main} format above, which is the combined format: {@code LogFormat=1}. */
    static String awstatsConfig(StackSite site) {
        return dev.rainmaker.stack.service.apt.Awstats.config(site);
    }
}
