package dev.rainmaker.bootstrap.service;

import java.util.List;

import dev.rainmaker.bootstrap.domain.HostStep;
import dev.rainmaker.events.AdminUser;
import dev.rainmaker.hostaccess.CommandOutput;
import org.junit.jupiter.api.Test;

import static dev.rainmaker.bootstrap.service.AptHardeningRecipeTests.DROPLET;
import static dev.rainmaker.bootstrap.service.AptHardeningRecipeTests.KVM;
import static dev.rainmaker.bootstrap.service.AptHardeningRecipeTests.signup;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HardeningRecipesTests {

    private static final String KEY =
            "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIH1e2kqVq1x0bM0tV7sW1c3s2k9xR0gYpUoXh8a2b3cd";

    private final AptHardeningRecipe apt = new AptHardeningRecipe();
    private final DnfHardeningRecipe dnf = new DnfHardeningRecipe();
    private final HardeningRecipes recipes = new HardeningRecipes(apt, dnf);

    @Test
    void theImageSlugChoosesTheFamily() {
        assertThat(recipes.forImage("debian-12-x64")).isSameAs(apt);
        assertThat(recipes.forImage("ubuntu-24-04-x64")).isSameAs(apt);
        assertThat(recipes.forImage("rockylinux-9-x64")).isSameAs(dnf);
        assertThat(recipes.forImage("almalinux-9-x64")).isSameAs(dnf);
        assertThat(recipes.forImage("centos-stream-9-x64")).isSameAs(dnf);
    }

    @Test
    void anUnknownImageIsAPermanentFailureSayingWhichImagesAreKnown() {
        assertThatThrownBy(() -> recipes.forImage("freebsd-14-x64"))
                .isInstanceOf(HardeningFailure.class)
                .hasMessageContaining("no hardening recipe for the droplet's image 'freebsd-14-x64'")
                .hasMessageContaining("debian-*");
    }

    @Test
    void theDnfFamilyUsesWheelFirewalldDnfAutomaticAndFail2banFromEpelWithTheSameSshdAndSwapRules() {
        List<HostStep> steps = dnf.steps(signup("Europe/Berlin", new AdminUser("ada", KEY)), DROPLET, KVM);

        assertThat(steps)
                .extracting(HostStep::name)
                .containsExactly(
                        "timezone",
                        "admin-user ada",
                        "wheel ada",
                        "sudo-without-password ada",
                        "authorized-key ada",
                        "sshd",
                        "firewall",
                        "fail2ban-sshd",
                        "security-updates",
                        "swap-file 1024 MiB",
                        "swap-fstab",
                        "swap-on");
        assertThat(steps.get(2).apply()).isEqualTo("usermod -aG wheel 'ada'");
        assertThat(steps.get(4).apply()).endsWith(" && restorecon -R '/home/ada/.ssh'");
        assertThat(steps.get(5).apply()).endsWith("sshd -t && systemctl reload sshd");
        assertThat(steps.get(6).apply())
                .contains("--add-service=ssh --add-service=http --add-service=https")
                .contains("--remove-service=cockpit");
        assertThat(steps.get(7).apply()).contains("dnf install -y epel-release && dnf install -y fail2ban-server");
        assertThat(steps.get(8).apply()).contains("apply_updates = yes").contains("dnf-automatic.timer");
        assertThat(steps.subList(9, 12))
                .extracting(HostStep::apply)
                .as("swap steps equal on both families")
                .isEqualTo(apt.steps(signup("UTC", new AdminUser("ada", KEY)), DROPLET, KVM).subList(10, 13).stream()
                        .map(HostStep::apply)
                        .toList());
    }

    @Test
    void firewalldIsSatisfiedOnlyWithExactlySshHttpAndHttpsInThePublicZone() {
        HostStep firewall = DnfHardeningSteps.firewall();

        assertThat(firewall.satisfiedBy()
                        .test(new CommandOutput(0, "enabled\nrunning\npublic\nssh http https\n\n", "")))
                .isTrue();
        assertThat(firewall.satisfiedBy()
                        .test(new CommandOutput(0, "enabled\nrunning\npublic\ncockpit dhcpv6-client ssh\n\n", "")))
                .isFalse();
        assertThat(firewall.satisfiedBy()
                        .test(new CommandOutput(0, "enabled\nrunning\npublic\nssh http https\n3306/tcp\n", "")))
                .isFalse();
    }
}
