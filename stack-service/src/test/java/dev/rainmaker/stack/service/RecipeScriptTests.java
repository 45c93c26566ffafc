package dev.rainmaker.stack.service;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import dev.rainmaker.stack.domain.CustomerDatabase;
import dev.rainmaker.stack.domain.StackOptions;
import dev.rainmaker.stack.domain.StackSite;
import dev.rainmaker.stack.service.apt.AptDistribution;
import dev.rainmaker.stack.service.apt.AptStack;
import dev.rainmaker.stack.service.dnf.EnterpriseLinuxStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Both families' recipes, written out as shell scripts, pass shellcheck (skipped, saying so, where it is missing). */
class RecipeScriptTests {

    private static final StackSite SITE =
            new StackSite("acme-42", CustomerDatabase.forCustomer("acme-42"), "203.0.113.7");
    private static final StackOptions WITH_AWSTATS =
            new StackOptions("pro", true, dev.rainmaker.stack.domain.DatabaseEngine.MARIADB);

    @TempDir
    Path dir;

    @Test
    void theDnfFamilyRendersToAScriptThatPassesShellcheck() throws Exception {
        String script = RecipeScript.render(new EnterpriseLinuxStack(WITH_AWSTATS), SITE);

        assertThat(script)
                .startsWith("#!/bin/sh\n")
                .contains("dnf install -y -q epel-release")
                .contains("rpm -q nginx php-fpm php-mysqlnd")
                .contains("setsebool -P httpd_can_network_memcache on")
                .contains("install -d -m 0750 -o root -g apache '/etc/rainmaker'")
                .contains("/usr/share/awstats/wwwroot/cgi-bin/awstats.pl -config=acme-42 -update");
        assertPassesShellcheck(script);
    }

    @Test
    void theAptFamilyRendersToAScriptThatPassesShellcheck() throws Exception {
        String script = RecipeScript.render(new AptStack(AptDistribution.DEBIAN_12, WITH_AWSTATS), SITE);

        assertThat(script)
                .contains("apt-get install -y -q --no-install-recommends")
                .contains("/usr/lib/cgi-bin/awstats.pl -config=acme-42 -update");
        assertPassesShellcheck(script);
    }

    @Test
    void theAptFamilyWithMysqlOnUbuntuRendersToAScriptThatPassesShellcheck() throws Exception {
        String script = RecipeScript.render(
                new AptStack(
                        AptDistribution.UBUNTU_24_04,
                        new StackOptions("legacy", false, dev.rainmaker.stack.domain.DatabaseEngine.MYSQL)),
                SITE);

        assertThat(script).contains(" mysql-server ").contains("php-fpm8.3 -m");
        assertPassesShellcheck(script);
    }

    private void assertPassesShellcheck(String script) throws IOException, InterruptedException {
        assumeTrue(onPath("shellcheck"), "shellcheck is not installed here (apt-get install shellcheck)");
        Path file = Files.writeString(dir.resolve("recipe.sh"), script);
        Path output = dir.resolve("shellcheck.out");
        Process shellcheck = new ProcessBuilder("shellcheck", "--shell=sh", file.toString())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        assertThat(shellcheck.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(shellcheck.exitValue())
                .as("shellcheck says:%n%s", Files.readString(output, StandardCharsets.UTF_8))
                .isZero();
    }

    private static boolean onPath(String tool) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String directory : path.split(":")) {
            if (Files.isExecutable(Path.of(directory, tool))) {
                return true;
            }
        }
        return false;
    }
}
