package dev.rainmaker.localcloud.hosts.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StackCommandsTests {

    private static final String APP = "curl -fsS http://127.0.0.1/";
    private static final String SITE = "index index.php;\nfastcgi_pass unix:/run/php/php8.2-fpm.sock;\n}";
    private static final String PAGE = """
            $password = trim((string) @file_get_contents('/etc/rainmaker/db-password'));
            $db = @new mysqli('localhost', 'c_acme', $password, 'c_acme');
            $memcached = @fsockopen('127.0.0.1', 11211, $errno, $errstr, 2);
            """;

    private final StackCommands model = new StackCommands();
    private final HostState host = new HostState();

    @Test
    void theAppAnswersOnlyOnceEverythingItNeedsIsThere() {
        assertThat(run(APP).exitStatus()).as("nginx not running").isEqualTo(7);

        host.packages.put("nginx", "1.22.1-9");
        host.activeServices.add("nginx");
        assertThat(run(APP).stderr()).as("no site, no page").contains("error: 403");

        write("/etc/nginx/sites-available/default", SITE);
        write("/var/www/html/index.php", PAGE);
        assertThat(run(APP).stderr()).as("php-fpm not running").contains("error: 502");

        host.packages.put("php-fpm", "2:8.2+93");
        host.activeServices.add("php8.2-fpm");
        assertThat(run(APP).stdout()).isEqualTo("{\"database\":\"failed\",\"memcached\":\"failed\"}");

        host.packages.put("memcached", "1.6.18-1");
        host.activeServices.add("memcached");
        assertThat(run(APP).stdout())
                .as("memcached on every interface still answers 127.0.0.1")
                .isEqualTo("{\"database\":\"failed\",\"memcached\":\"ok\"}");

        host.packages.put("mariadb-server", "1:10.11.6-0+deb12u1");
        host.activeServices.add("mariadb");
        ok("mariadb -e 'CREATE DATABASE IF NOT EXISTS `c_acme`'");
        ok("install -d -m 0750 -o root -g www-data '/etc/rainmaker'");
        ok("openssl rand -hex -out '/etc/rainmaker/db-password' 24");
        ok("printf 'CREATE USER IF NOT EXISTS '\\''c_acme'\\''@'\\''localhost'\\''; ALTER USER '\\''c_acme'\\''@'\\''"
                + "localhost'\\'' IDENTIFIED BY '\\''%s'\\''; GRANT ALL PRIVILEGES ON `c_acme`.* TO '\\''c_acme'\\''@"
                + "'\\''localhost'\\'';' \"$(cat /etc/rainmaker/db-password)\" | mariadb");
        ok("chmod 0600 '/etc/rainmaker/db-password'");
        assertThat(run(APP).stdout())
                .as("password file not readable by www-data")
                .isEqualTo("{\"database\":\"failed\",\"memcached\":\"ok\"}");

        ok("chown root:www-data '/etc/rainmaker/db-password'");
        ok("chmod 0640 '/etc/rainmaker/db-password'");
        assertThat(run(APP).stdout()).isEqualTo("{\"database\":\"ok\",\"memcached\":\"ok\"}");
    }

    @Test
    void theCustomerLogsInOnlyWithThePasswordInTheFile() {
        host.packages.put("mariadb-server", "1:10.11.6-0+deb12u1");
        host.activeServices.add("mariadb");
        ok("mariadb -e 'CREATE DATABASE IF NOT EXISTS `c_acme`'");
        ok("install -d -m 0750 -o root -g www-data '/etc/rainmaker'");
        ok("openssl rand -hex -out '/etc/rainmaker/db-password' 24");
        String login = "MYSQL_PWD=\"$(cat /etc/rainmaker/db-password)\" mariadb -u 'c_acme' -N -e 'SELECT 1' 'c_acme'";
        assertThat(run(login).stderr()).startsWith("ERROR 1045 (28000): Access denied for user 'c_acme'@'localhost'");

        ok("printf 'CREATE USER IF NOT EXISTS '\\''c_acme'\\''@'\\''localhost'\\''; ALTER USER '\\''c_acme'\\''@'\\''"
                + "localhost'\\'' IDENTIFIED BY '\\''%s'\\''; GRANT ALL PRIVILEGES ON `c_acme`.* TO '\\''c_acme'\\''@"
                + "'\\''localhost'\\'';' \"$(cat /etc/rainmaker/db-password)\" | mariadb");
        assertThat(run(login).stdout()).isEqualTo("1\n");

        ok("openssl rand -hex -out '/etc/rainmaker/db-password' 24");
        assertThat(run(login).exitStatus())
                .as("a new password in the file no longer matches")
                .isEqualTo(1);
    }

    @Test
    void aFreshMariaDbHasWhatHardeningRemoves() {
        host.packages.put("mariadb-server", "1:10.11.6-0+deb12u1");
        host.activeServices.add("mariadb");

        assertThat(run("mariadb -N -e 'SHOW DATABASES'").stdout()).contains("test\n");
        assertThat(run("mariadb -N -e 'SELECT COUNT(*) FROM mysql.user WHERE User='\\'''\\'''")
                        .stdout())
                .isEqualTo("2\n");

        ok("mariadb -e 'DROP DATABASE IF EXISTS test'");
        ok("mariadb -e 'DELETE FROM mysql.global_priv WHERE User='\\'''\\''; FLUSH PRIVILEGES'");
        ok("mariadb -e 'DELETE FROM mysql.global_priv WHERE User='\\''root'\\'' AND Host<>'\\''localhost'\\'';"
                + " FLUSH PRIVILEGES; ALTER USER '\\''root'\\''@'\\''localhost'\\'' IDENTIFIED VIA unix_socket'");

        assertThat(run("mariadb -N -e 'SHOW DATABASES'").stdout()).doesNotContain("test\n");
        assertThat(run("mariadb -N -e 'SELECT COUNT(*) FROM mysql.user WHERE User='\\'''\\'''")
                        .stdout())
                .isEqualTo("0\n");
        assertThat(run("mariadb -N -e 'SELECT COUNT(*) FROM mysql.user WHERE User='\\''root'\\'' AND"
                                + " (Host<>'\\''localhost'\\'' OR plugin<>'\\''unix_socket'\\'')'")
                        .stdout())
                .isEqualTo("0\n");
    }

    @Test
    void mariaDbRefusesSqlOutsideItsVocabularyAndIsUnreachableWhenStopped() {
        host.packages.put("mariadb-server", "1:10.11.6-0+deb12u1");
        assertThat(run("mariadb -e 'SELECT 1'").stderr()).startsWith("ERROR 2002 (HY000)");

        host.activeServices.add("mariadb");
        assertThat(run("mariadb -e 'DROP TABLE mysql.user'").stderr()).startsWith("ERROR 1064 (42000)");
    }

    @Test
    void memcachedListensWhereItsConfigurationSaysUnlessItCannotBind() {
        host.activeServices.add("memcached");
        String probe = "ss -Hltn 'sport = :11211'";
        assertThat(run(probe).stdout()).contains("0.0.0.0:11211");

        write("/etc/memcached.conf", "-p 11211\n-l 127.0.0.1\n");
        assertThat(run(probe).stdout()).contains("127.0.0.1:11211").doesNotContain("0.0.0.0:11211");

        host.settings.put(StackCommands.FAULT_CANNOT_BIND + "memcached", "true");
        assertThat(run(probe).stdout()).isEmpty();
    }

    @Test
    void filesAreWrittenAndInspectedWithoutBeingShownToTheCaller() {
        ok("printf '%s' 'it'\\''s $HOME' > '/etc/memcached.conf'");

        assertThat(host.files.get("/etc/memcached.conf")).isEqualTo("it's $HOME");
        assertThat(run("stat -c '%a %U:%G %s' '/etc/memcached.conf'").stdout()).isEqualTo("644 root:root 10\n");
        assertThat(run("sha256sum '/etc/memcached.conf'").stdout()).endsWith("  /etc/memcached.conf\n");
    }

    @Test
    void leavesCommandsOfOtherFamiliesAndOtherPathsToOtherModels() {
        assertThat(model.run("apt-get install -y nginx", host)).isEmpty();
        assertThat(model.run("systemctl is-active nginx", host)).isEmpty();
        assertThat(model.run("printf '%s' 'x' > '/etc/ssh/sshd_config'", host)).isEmpty();
        assertThat(model.run("chmod 0600 '/root/.ssh/authorized_keys'", host)).isEmpty();
        assertThat(model.run("ss -Hltn 'sport = :22'", host)).isEmpty();
        assertThat(model.run("mariadb -e 'SELECT 1'; touch /tmp/x", host)).isEmpty();
    }

    private void write(String path, String content) {
        host.files.put(path, content);
    }

    private CommandResult run(String command) {
        return model.run(command, host).orElseThrow(() -> new AssertionError("not understood: " + command));
    }

    private void ok(String command) {
        CommandResult result = run(command);
        assertThat(result.exitStatus()).as(command + " -> " + result.stderr()).isZero();
    }

    @Test
    void awstatsUpdatesOnlyWithItsPackageItsConfigurationAndNginxsLog() {
        String update = "/usr/lib/cgi-bin/awstats.pl -config=acme -update";
        assertThat(run(update).exitStatus()).as("awstats not installed").isEqualTo(127);
        assertThat(run("printf '%s' 'LogFile=\"/var/log/nginx/access.log\"' > '/etc/awstats/awstats.acme.conf'")
                        .exitStatus())
                .as("no /etc/awstats before the package")
                .isEqualTo(1);

        host.packages.put("awstats", "7.8-3+deb12u2");
        assertThat(run(update).stdout()).as("no configuration").contains("Couldn't open config file");

        ok("printf '%s' 'LogFile=\"/var/log/nginx/access.log\"' > '/etc/awstats/awstats.acme.conf'");
        assertThat(run(update).stdout()).as("nginx not installed").contains("Couldn't open server log file");

        host.packages.put("nginx", "1.22.1-9");
        CommandResult updated = run(update);
        assertThat(updated.exitStatus()).isZero();
        assertThat(updated.stdout())
                .contains("Create/Update database for config \"/etc/awstats/awstats.acme.conf\"")
                .contains("From data in log file \"/var/log/nginx/access.log\"");
    }

    @Test
    void mysqlSpeaksItsOwnAccountDialectAndHasNoMariadbClient() {
        host.packages.put("mysql-server", "8.0.39-0ubuntu0.24.04.2");
        host.activeServices.add("mysql");

        assertThat(run("mariadb -N -e 'SHOW DATABASES'").exitStatus()).isEqualTo(127);
        assertThat(run("mysql -N -e 'SHOW DATABASES'").stdout())
                .as("Ubuntu's MySQL has no test database")
                .doesNotContain("test");
        assertThat(run("mysql -N -e \"SELECT COUNT(*) FROM mysql.user WHERE User='root' AND (Host<>'localhost' OR"
                                + " plugin<>'auth_socket')\"")
                        .stdout())
                .isEqualTo("0\n");
        assertThat(run("mysql -e \"DELETE FROM mysql.global_priv WHERE User=''\"")
                        .exitStatus())
                .as("MariaDB's table")
                .isEqualTo(1);
        ok("mysql -e \"DELETE FROM mysql.user WHERE User=''; FLUSH PRIVILEGES\"");
    }
}
