package dev.rainmaker.stack.service.apt;

import java.time.Duration;
import java.util.List;

import dev.rainmaker.localcloud.hosts.model.CommandModel;
import dev.rainmaker.localcloud.hosts.model.HostState;
import dev.rainmaker.localcloud.hosts.model.StackCommands;
import dev.rainmaker.stack.domain.CustomerDatabase;
import dev.rainmaker.stack.domain.DatabaseEngine;
import dev.rainmaker.stack.domain.StackOptions;
import dev.rainmaker.stack.domain.StackSite;
import dev.rainmaker.stack.service.HostStep;
import dev.rainmaker.stack.service.PermanentFailure;
import dev.rainmaker.stack.service.StepOutcome;
import dev.rainmaker.stack.service.StepRunner;
import dev.rainmaker.stack.testhost.ModelHostShell;
import dev.rainmaker.stack.testhost.TestPackagesModel;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AptStackTests {

    private static final CustomerDatabase ACME = CustomerDatabase.forCustomer("acme-42");

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final StepRunner runner = new StepRunner(registry, 2, Duration.ZERO);

    @Test
    void namesTheCustomersDatabaseAfterTheCustomerId() {
        assertThat(ACME.name()).isEqualTo("c_acme_42");
        assertThat(ACME.user()).isEqualTo("c_acme_42");
    }

    @Test
    void refusesACustomerIdThatIsNotAPlainIdentifier() {
        assertThatThrownBy(() -> CustomerDatabase.forCustomer("x'; DROP DATABASE mysql; --"))
                .isInstanceOf(PermanentFailure.class)
                .hasMessageContaining("is not lower-case letters, digits and inner hyphens");
    }

    @Test
    void rendersTheCustomerLoginWithThePasswordReadOnTheHost() {
        CustomerUserCanLogIn step = new CustomerUserCanLogIn(ACME);

        assertThat(step.check())
                .isEqualTo("MYSQL_PWD=\"$(cat /etc/rainmaker/db-password)\" mariadb -u 'c_acme_42' -N -e 'SELECT 1'"
                        + " 'c_acme_42'");
        assertThat(step.apply())
                .containsExactly("printf 'CREATE USER IF NOT EXISTS '\\''c_acme_42'\\''@'\\''localhost'\\''; ALTER USER"
                        + " '\\''c_acme_42'\\''@'\\''localhost'\\'' IDENTIFIED BY '\\''%s'\\''; GRANT ALL PRIVILEGES ON"
                        + " `c_acme_42`.* TO '\\''c_acme_42'\\''@'\\''localhost'\\'';'"
                        + " \"$(cat /etc/rainmaker/db-password)\" | mariadb");
    }

    @Test
    void rendersSqlAsOneSingleQuotedWord() {
        assertThat(new AnonymousUsersRemoved().check())
                .isEqualTo("mariadb -N -e 'SELECT COUNT(*) FROM mysql.user WHERE User='\\'''\\'''");
        assertThat(new CustomerDatabaseCreated(ACME).apply())
                .containsExactly("mariadb -e 'CREATE DATABASE IF NOT EXISTS `c_acme_42`'");
    }

    @Test
    void writesAFileWithItsContentQuotedThenSetsOwnerAndMode() {
        FileInstalled step = new FileInstalled("f", "/etc/x.conf", "a 'b' $c", "0640", "root:www-data", List.of("r"));

        assertThat(step.check()).isEqualTo("sha256sum '/etc/x.conf'");
        assertThat(step.apply())
                .containsExactly(
                        "printf '%s' 'a '\\''b'\\'' $c' > '/etc/x.conf'",
                        "chown root:www-data '/etc/x.conf'", "chmod 0640 '/etc/x.conf'", "r");
    }

    @Test
    void buildsTheWholeStackOnAFreshHostUntilTheAppAnswers() {
        HostState host = new HostState();
        ModelHostShell shell = new ModelHostShell(host);

        List<StepOutcome> outcomes = runAll(shell);

        assertThat(outcomes.stream().filter(StepOutcome.APPLIED::equals)).hasSizeGreaterThan(8);
        assertThat(shell.run("curl -fsS http://127.0.0.1/").stdout())
                .isEqualTo("{\"database\":\"ok\",\"memcached\":\"ok\"}");
        assertThat(host.settings).doesNotContainKey("mariadb.database:test");
    }

    @Test
    void aSecondRunOnAFinishedHostChangesNothing() {
        HostState host = new HostState();
        runAll(new ModelHostShell(host));
        ModelHostShell again = new ModelHostShell(host);

        List<StepOutcome> outcomes = runAll(again);

        assertThat(outcomes).containsOnly(StepOutcome.SKIPPED);
        assertThat(again.commands)
                .noneMatch(c -> c.contains("apt-get")
                        || c.startsWith("printf")
                        || c.startsWith("openssl")
                        || c.startsWith("systemctl enable")
                        || c.startsWith("systemctl restart"));
    }

    @Test
    void thePasswordGeneratedOnTheHostIsInNoCommandAndNoOutput() {
        HostState host = new HostState();
        ModelHostShell shell = new ModelHostShell(host);

        runAll(shell);

        String password = host.files.get("/etc/rainmaker/db-password").strip();
        assertThat(password).hasSize(48);
        assertThat(shell.commands).noneMatch(c -> c.contains(password));
        assertThat(shell.printed.toString()).doesNotContain(password);
    }

    @Test
    void aMemcachedThatCannotBindFailsTheStepThatChecksWhereItListens() {
        HostState host = new HostState();
        host.settings.put(StackCommands.FAULT_CANNOT_BIND + "memcached", "true");

        assertThatThrownBy(() -> runAll(new ModelHostShell(host)))
                .isInstanceOf(PermanentFailure.class)
                .hasMessageContaining("step 'memcached listens on 127.0.0.1:11211 only' failed its verification");
    }

    @Test
    void aPlanWithAwstatsGetsItConfiguredForNginxsLogVerifiedAndReportedWithItsVersion() {
        HostState host = new HostState();
        ModelHostShell shell = new ModelHostShell(host);
        AptStack recipe =
                new AptStack(AptDistribution.DEBIAN_12, new StackOptions("pro", true, DatabaseEngine.MARIADB));
        StackSite site = new StackSite("acme-42", ACME, "203.0.113.7");

        recipe.steps(site).forEach(step -> runner.run(shell, step));

        assertThat(host.files.get("/etc/awstats/awstats.acme-42.conf"))
                .contains("LogFile=\"/var/log/nginx/access.log\"")
                .contains("LogFormat=1")
                .contains("SiteDomain=\"203.0.113.7\"");
        assertThat(shell.commands).contains("/usr/lib/cgi-bin/awstats.pl -config=acme-42 -update");
        assertThat(recipe.componentPackages()).containsEntry("awstats", "awstats");
        assertThat(shell.run(recipe.versionCommand("awstats")).stdout()).isNotBlank();
    }

    @Test
    void aPlanWithoutAwstatsHasNoneOfIt() {
        AptStack recipe = new AptStack(AptDistribution.DEBIAN_12, StackOptions.defaults("starter"));

        assertThat(recipe.steps(new StackSite("acme-42", ACME, "203.0.113.7")))
                .noneMatch(
                        step -> step.name().contains("AWStats") || step.check().contains("awstats"));
        assertThat(recipe.componentPackages()).doesNotContainKey("awstats");
    }

    @Test
    void mysqlOnUbuntuIsBuiltByTheSameRecipeSecuredTheSameWayUntilTheAppAnswers() {
        HostState host = new HostState();
        List<CommandModel> ubuntu = List.of(new TestPackagesModel("8.3"), new StackCommands());
        ModelHostShell shell = new ModelHostShell(host, ubuntu);
        AptStack recipe =
                new AptStack(AptDistribution.UBUNTU_24_04, new StackOptions("legacy", false, DatabaseEngine.MYSQL));
        StackSite site = new StackSite("acme-42", ACME, "203.0.113.7");

        recipe.steps(site).forEach(step -> runner.run(shell, step));

        assertThat(shell.run("curl -fsS http://127.0.0.1/").stdout())
                .isEqualTo("{\"database\":\"ok\",\"memcached\":\"ok\"}");
        assertThat(shell.commands)
                .anyMatch(c -> c.startsWith("DEBIAN_FRONTEND=noninteractive apt-get install")
                        && c.contains(" mysql-server ")
                        && !c.contains("mariadb"))
                .contains("systemctl is-active php8.3-fpm", "php-fpm8.3 -m")
                .anyMatch(c -> c.startsWith("mysql -N -e ") && c.contains("auth_socket"))
                .noneMatch(c -> c.startsWith("mariadb"));
        assertThat(host.files.get("/etc/nginx/sites-available/default"))
                .contains("fastcgi_pass unix:/run/php/php8.3-fpm.sock;");
        assertThat(recipe.componentPackages()).containsEntry("mysql", "mysql-server");

        ModelHostShell again = new ModelHostShell(host, ubuntu);
        assertThat(recipe.steps(site).stream().map(step -> runner.run(again, step)))
                .as("a second run")
                .containsOnly(StepOutcome.SKIPPED);
    }

    @Test
    void theMysqlRecipeRemovesAnonymousUsersAndRemoteRootFromMysqlsOwnTables() {
        SqlServer mysql = SqlServer.MYSQL;

        assertThat(new AnonymousUsersRemoved(mysql).apply().getFirst())
                .startsWith("mysql -e ")
                .contains("DELETE FROM mysql.user WHERE User=");
        assertThat(new RootBySocketOnly(mysql).apply().getFirst())
                .contains("DELETE FROM mysql.user WHERE User=")
                .contains("IDENTIFIED WITH auth_socket");
        assertThat(new TestDatabaseRemoved(mysql).apply()).containsExactly("mysql -e 'DROP DATABASE IF EXISTS test'");
    }

    private List<StepOutcome> runAll(ModelHostShell shell) {
        List<HostStep> steps = AptStack.steps(ACME);
        return steps.stream().map(step -> runner.run(shell, step)).toList();
    }
}
