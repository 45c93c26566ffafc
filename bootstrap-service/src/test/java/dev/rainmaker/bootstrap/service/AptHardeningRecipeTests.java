package dev.rainmaker.bootstrap.service;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import dev.rainmaker.bootstrap.domain.CommandOutput;
import dev.rainmaker.bootstrap.domain.HostStep;
import dev.rainmaker.events.AdminUser;
import dev.rainmaker.events.SignupReceived;
import dev.rainmaker.localcloud.hosts.model.ShellWords;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AptHardeningRecipeTests {

    private static final String KEY =
            "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIH1e2kqVq1x0bM0tV7sW1c3s2k9xR0gYpUoXh8a2b3cd";

    @TempDir
    Path tmp;

    private final AptHardeningRecipe recipe = new AptHardeningRecipe();

    @Test
    void rendersTheStepsInOrderWithQuotedValues() {
        List<HostStep> steps = recipe.steps(signup("Europe/Berlin", new AdminUser("ada", KEY + " ada@laptop")));

        assertThat(steps)
                .extracting(HostStep::name)
                .containsExactly(
                        "timezone",
                        "admin-user ada",
                        "sudo ada",
                        "sudo-without-password ada",
                        "authorized-key ada",
                        "sshd",
                        "firewall-package",
                        "firewall");
        assertThat(steps.get(0).apply()).isEqualTo("timedatectl set-timezone 'Europe/Berlin'");
        assertThat(steps.get(1).apply()).isEqualTo("useradd --create-home --shell /bin/bash 'ada'");
        assertThat(steps.get(2).apply()).isEqualTo("usermod -aG sudo 'ada'");
        assertThat(steps.get(3).apply())
                .isEqualTo("printf '%s\\n' 'ada ALL=(ALL:ALL) NOPASSWD:ALL' > '/etc/sudoers.d/rainmaker-ada'"
                        + " && chmod 0440 '/etc/sudoers.d/rainmaker-ada'");
        assertThat(steps.get(4).apply())
                .contains("printf '%s\\n' '" + KEY + " ada@laptop' >> '/home/ada/.ssh/authorized_keys'");
        assertThat(steps.get(5).apply()).contains("sshd -t && systemctl reload ssh");
        assertThat(steps.get(7).apply())
                .isEqualTo("ufw default deny incoming && ufw allow 22/tcp && ufw allow 80/tcp && ufw allow 443/tcp"
                        + " && ufw --force enable");
    }

    @Test
    void theFirewallCheckReadsUfwStatusAsDebianPrintsItWithPaddedColumns() {
        String status = """
                Status: active
                Logging: on (low)
                Default: deny (incoming), allow (outgoing), disabled (routed)
                New profiles: skip

                To                         Action      From
                --                         ------      ----
                22/tcp                     ALLOW IN    Anywhere                  \n\
                80/tcp                     ALLOW IN    Anywhere                  \n\
                443/tcp                    ALLOW IN    Anywhere                  \n\
                22/tcp (v6)                ALLOW IN    Anywhere (v6)             \n\
                80/tcp (v6)                ALLOW IN    Anywhere (v6)             \n\
                443/tcp (v6)               ALLOW IN    Anywhere (v6)             \n\
                """;

        assertThat(AptHardeningSteps.firewall().satisfiedBy().test(new CommandOutput(0, status, "")))
                .isTrue();
        assertThat(AptHardeningSteps.firewall()
                        .satisfiedBy()
                        .test(new CommandOutput(0, status.replace("443/tcp  ", "3306/tcp "), "")))
                .isFalse();
    }

    @Test
    void hostileTextInAPublicKeyCommentStaysOneInertArgument() throws Exception {
        Path marker = tmp.resolve("x");
        String hostile = KEY + " it's; $(touch " + marker + ") `touch " + marker + "` && touch " + marker;
        HostStep step =
                recipe.steps(signup("UTC", new AdminUser("ada", hostile))).get(4);

        List<String> words = ShellWords.parse(
                        ShellWords.splitAndList(step.apply()).get(1))
                .orElseThrow()
                .words();
        assertThat(words).containsExactly("printf", "%s\\n", hostile);
        assertThat(shellEcho(hostile)).isEqualTo(hostile);
        assertThat(marker).doesNotExist();
    }

    @Test
    void quotingKeepsQuotesSemicolonsSubstitutionsAndNewlinesLiteralInARealShell() throws Exception {
        Path marker = tmp.resolve("y");
        for (String hostile : List.of("'", "a'b", ";", "; touch " + marker, "$(touch " + marker + ")", "a\nb", "\\'")) {
            assertThat(shellEcho(hostile)).as(hostile).isEqualTo(hostile);
        }
        assertThat(marker).doesNotExist();
    }

    @Test
    void hostileValuesThatCannotBeLegalAreRejectedBeforeAnyCommand() {
        assertThatThrownBy(() -> recipe.steps(signup("Europe/Berlin'; reboot", new AdminUser("ada", KEY))))
                .isInstanceOf(HardeningFailure.class)
                .hasMessageContaining("not an IANA time zone");
        assertThatThrownBy(() -> recipe.steps(signup("UTC", new AdminUser("ada\nroot", KEY))))
                .hasMessageContaining("not a Linux login name");
        assertThatThrownBy(() -> recipe.steps(signup("UTC", new AdminUser("root", KEY))))
                .hasMessageContaining("not root");
        assertThatThrownBy(() -> recipe.steps(signup("UTC", new AdminUser("ada", KEY + " x\ntouch /tmp/x"))))
                .hasMessageContaining("not one OpenSSH public key line");
    }

    /** What a POSIX shell makes of the quoted value: printf prints its one argument back. */
    private static String shellEcho(String value) throws Exception {
        Process process = new ProcessBuilder("sh", "-c", "printf '%s' " + ShellQuote.quote(value))
                .redirectErrorStream(true)
                .start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        return out;
    }

    static SignupReceived signup(String timezone, AdminUser admin) {
        return new SignupReceived("acme-42", "ops@acme.example", "Ada", "starter", timezone, List.of(admin));
    }
}
