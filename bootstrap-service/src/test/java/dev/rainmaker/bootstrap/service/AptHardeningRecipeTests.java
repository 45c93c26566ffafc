package dev.rainmaker.bootstrap.service;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import dev.rainmaker.bootstrap.domain.HostFacts;
import dev.rainmaker.bootstrap.domain.HostStep;
import dev.rainmaker.events.AdminUser;
import dev.rainmaker.events.Droplet;
import dev.rainmaker.events.SignupReceived;
import dev.rainmaker.hostaccess.CommandOutput;
import dev.rainmaker.hostaccess.ShellQuote;
import dev.rainmaker.localcloud.hosts.model.ShellWords;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AptHardeningRecipeTests {

    static final Droplet DROPLET =
            new Droplet(7, "rm-acme-42", "127.10.0.7", "fra1", "debian-12-x64", "s-1vcpu-1gb", "SHA256:x");
    static final HostFacts KVM = new HostFacts("none");
    private static final String KEY =
            "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIH1e2kqVq1x0bM0tV7sW1c3s2k9xR0gYpUoXh8a2b3cd";

    @TempDir
    Path tmp;

    private final AptHardeningRecipe recipe = new AptHardeningRecipe();

    @Test
    void rendersTheStepsInOrderWithQuotedValues() {
        List<HostStep> steps =
                recipe.steps(signup("Europe/Berlin", new AdminUser("ada", KEY + " ada@laptop")), DROPLET, KVM);

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
                        "firewall",
                        "fail2ban-sshd",
                        "security-updates",
                        "swap-file 1024 MiB",
                        "swap-fstab",
                        "swap-on");
        assertThat(steps.get(0).apply()).isEqualTo("timedatectl set-timezone 'Europe/Berlin'");
        assertThat(steps.get(1).apply()).isEqualTo("useradd --create-home --shell /bin/bash 'ada'");
        assertThat(steps.get(2).apply()).isEqualTo("usermod -aG sudo 'ada'");
        assertThat(steps.get(3).apply())
                .isEqualTo("printf '%s\\n' 'ada ALL=(ALL:ALL) NOPASSWD:ALL' > '/etc/sudoers.d/rainmaker-ada.pending'"
                        + " && chmod 0440 '/etc/sudoers.d/rainmaker-ada.pending'"
                        + " && visudo -cf '/etc/sudoers.d/rainmaker-ada.pending'"
                        + " && mv '/etc/sudoers.d/rainmaker-ada.pending' '/etc/sudoers.d/rainmaker-ada'");
        assertThat(steps.get(4).apply())
                .contains("printf '%s\\n' '" + KEY + " ada@laptop' >> '/home/ada/.ssh/authorized_keys'");
        assertThat(steps.get(5).apply()).contains("sshd -t && systemctl reload ssh");
        assertThat(steps.get(7).apply())
                .isEqualTo("ufw default deny incoming && ufw allow 22/tcp && ufw allow 80/tcp && ufw allow 443/tcp"
                        + " && ufw --force enable");
        assertThat(steps.get(8).apply())
                .startsWith("install -d -m 755 /etc/fail2ban/jail.d && printf '%s\\n' '[sshd]' 'enabled = true'"
                        + " 'backend = systemd' 'journalmatch = _SYSTEMD_UNIT=ssh.service + _COMM=sshd'"
                        + " > /etc/fail2ban/jail.d/rainmaker-sshd.local && apt-get update");
        assertThat(steps.get(10).apply())
                .isEqualTo("rm -f /swapfile && fallocate -l 1073741824 /swapfile && chmod 600 /swapfile"
                        + " && mkswap /swapfile");
    }

    @Test
    void inAContainerTheLastSwapStepVerifiesAndSaysThatSwapIsNotOnInsteadOfTurningItOn() {
        List<HostStep> steps =
                recipe.steps(signup("UTC", new AdminUser("ada", KEY)), DROPLET, new HostFacts("systemd-nspawn"));

        HostStep last = steps.getLast();
        assertThat(last.name())
                .isEqualTo("swap-not-activated: the host is a container (systemd-nspawn), where swapon is not allowed");
        assertThat(last.check()).isEqualTo("systemd-detect-virt --container");
        assertThat(last.satisfiedBy().test(new CommandOutput(0, "systemd-nspawn\n", "")))
                .isTrue();
        assertThat(last.satisfiedBy().test(new CommandOutput(1, "none\n", ""))).isFalse();
        assertThat(steps).extracting(HostStep::apply).noneMatch(command -> command.contains("swapon"));
    }

    @Test
    void theFail2banCheckWantsOurJailTheUnitEnabledAndTheJailRunning() {
        HostStep fail2ban = AptHardeningSteps.fail2ban();
        String jail =
                "[sshd]\nenabled = true\nbackend = systemd\njournalmatch = _SYSTEMD_UNIT=ssh.service + _COMM=sshd\n";
        String status = "Status for the jail: sshd\n|- Filter\n|  `- Journal matches:\t_SYSTEMD_UNIT=ssh.service"
                + " + _COMM=sshd\n`- Actions\n";

        assertThat(fail2ban.satisfiedBy().test(new CommandOutput(0, jail + "enabled\n" + status, "")))
                .isTrue();
        assertThat(fail2ban.satisfiedBy()
                        .test(new CommandOutput(
                                255,
                                jail + "enabled\n",
                                "Failed to access socket path: /var/run/fail2ban/fail2ban.sock")))
                .isFalse();
        assertThat(fail2ban.satisfiedBy().test(new CommandOutput(0, jail + "disabled\n" + status, "")))
                .isFalse();
    }

    @Test
    void securityUpdatesAreCheckedAsAptReadsItsConfiguration() {
        HostStep updates = AptHardeningSteps.securityUpdates();

        assertThat(updates.satisfiedBy()
                        .test(new CommandOutput(0, "install ok installed\nUPDATE='1'\nUNATTENDED='1'\n", "")))
                .isTrue();
        assertThat(updates.satisfiedBy()
                        .test(new CommandOutput(0, "install ok installed\nUPDATE='1'\nUNATTENDED='0'\n", "")))
                .isFalse();
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
        HostStep step = recipe.steps(signup("UTC", new AdminUser("ada", hostile)), DROPLET, KVM)
                .get(4);

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
        assertThatThrownBy(
                        () -> recipe.steps(signup("Europe/Berlin'; reboot", new AdminUser("ada", KEY)), DROPLET, KVM))
                .isInstanceOf(HardeningFailure.class)
                .hasMessageContaining("not an IANA time zone");
        assertThatThrownBy(() -> recipe.steps(signup("UTC", new AdminUser("ada\nroot", KEY)), DROPLET, KVM))
                .hasMessageContaining("not a Linux login name");
        assertThatThrownBy(() -> recipe.steps(signup("UTC", new AdminUser("root", KEY)), DROPLET, KVM))
                .hasMessageContaining("not root");
        assertThatThrownBy(() ->
                        recipe.steps(signup("UTC", new AdminUser("ada", KEY + " x\ntouch /tmp/x")), DROPLET, KVM))
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
