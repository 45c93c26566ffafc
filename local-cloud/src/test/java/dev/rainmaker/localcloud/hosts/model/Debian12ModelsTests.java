package dev.rainmaker.localcloud.hosts.model;

import java.io.ByteArrayOutputStream;
import java.security.KeyPair;
import java.util.List;

import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The base-system command models, driven directly over a freshly booted Debian 12 state. */
class Debian12ModelsTests {

    private final HostState host = Debian12Image.boot(List.of("ssh-ed25519 AAAAC3Nza root@example"), false);
    private final List<CommandModel> models = CommandModels.debian12();

    private CommandResult run(String command) {
        return run(command, "");
    }

    private CommandResult run(String command, String input) {
        StandardInput standardInput = StandardInput.of(input);
        List<String> parts = ShellWords.splitAndList(command);
        if (parts.size() > 1) {
            CommandResult last = CommandResult.ok();
            for (String part : parts) {
                last = runOne(part, standardInput);
                if (last.exitStatus() != 0) {
                    return last;
                }
            }
            return last;
        }
        return runOne(command, standardInput);
    }

    private CommandResult runOne(String command, StandardInput input) {
        for (CommandModel model : models) {
            var result = model.run(command, host, input);
            if (result.isPresent()) {
                return result.get();
            }
        }
        return CommandResult.failed(127, "unknown");
    }

    @Test
    void timezoneIsUtcUntilSetAndRejectsUnknownZones() {
        assertThat(run("timedatectl show -p Timezone --value").stdout()).isEqualTo("Etc/UTC\n");
        assertThat(run("timedatectl set-timezone 'Europe/Berlin'").exitStatus()).isZero();
        assertThat(run("timedatectl show -p Timezone --value").stdout()).isEqualTo("Europe/Berlin\n");
        assertThat(run("timedatectl set-timezone 'Mars/Olympus'").stderr()).contains("Invalid or not installed");
    }

    @Test
    void usersAreCreatedWithTheirOwnGroupAndJoinSudo() {
        assertThat(run("id -u 'ada'").exitStatus()).isEqualTo(1);
        assertThat(run("useradd --create-home --shell /bin/bash 'ada'").exitStatus())
                .isZero();
        assertThat(run("useradd --create-home --shell /bin/bash 'ada'").exitStatus())
                .isEqualTo(9);
        assertThat(run("id -u 'ada'").stdout()).isEqualTo("1000\n");
        assertThat(run("usermod -aG sudo 'ada'").exitStatus()).isZero();
        assertThat(run("id -nG 'ada'").stdout()).isEqualTo("ada sudo\n");
        assertThat(run("usermod -aG wheel 'ada'").exitStatus()).isEqualTo(6);
        assertThat(host.directories).contains("/home/ada");
    }

    @Test
    void authorizedKeysAreWrittenWithOwnerAndMode() {
        run("useradd --create-home --shell /bin/bash 'ada'");
        String write = "install -d -m 700 -o 'ada' -g 'ada' '/home/ada/.ssh'"
                + " && printf '%s\\n' 'ssh-ed25519 AAAA ada' >> '/home/ada/.ssh/authorized_keys'"
                + " && chown 'ada:ada' '/home/ada/.ssh/authorized_keys' && chmod 600 '/home/ada/.ssh/authorized_keys'";
        for (String part : ShellWords.splitAndList(write)) {
            assertThat(run(part).exitStatus()).as(part).isZero();
        }
        assertThat(run("grep -qxF 'ssh-ed25519 AAAA ada' '/home/ada/.ssh/authorized_keys'")
                        .exitStatus())
                .isZero();
        assertThat(run("stat -c '%U %a' '/home/ada/.ssh' '/home/ada/.ssh/authorized_keys'")
                        .stdout())
                .isEqualTo("ada 700\nada 600\n");
    }

    @Test
    void sshdReadsDropInsFirstAndValidatesTheConfiguration() {
        assertThat(run("sshd -T").stdout())
                .contains("passwordauthentication no\n")
                .contains("permitrootlogin yes\n")
                .contains("kbdinteractiveauthentication no\n");
        host.files.put("/etc/ssh/sshd_config.d/00-rainmaker.conf", "PermitRootLogin prohibit-password\n");
        assertThat(run("sshd -T").stdout()).contains("permitrootlogin without-password\n");
        assertThat(run("sshd -t").exitStatus()).isZero();
        host.files.put("/etc/ssh/sshd_config.d/01-typo.conf", "PasswordAuthentification no\n");
        assertThat(run("sshd -t").exitStatus()).isEqualTo(255);
        assertThat(run("sshd -t").stderr()).contains("Bad configuration option: PasswordAuthentification no");
    }

    @Test
    void sshdLoadsTheHostKeysItsConfigurationNamesFromProtectedFilesOnly() throws Exception {
        String key = "/etc/ssh/ssh_host_ed25519_key";
        assertThat(run("ls -1 /etc/ssh").stdout())
                .isEqualTo("ssh_host_ecdsa_key\nssh_host_ecdsa_key.pub\nsshd_config\nsshd_config.d\n");
        assertThat(run("sshd -T").stdout())
                .contains("hostkey /etc/ssh/ssh_host_rsa_key\nhostkey /etc/ssh/ssh_host_ecdsa_key\n");

        KeyPair ed25519 = KeyUtils.generateKeyPair(KeyPairProvider.SSH_ED25519, 256);
        ByteArrayOutputStream privateKey = new ByteArrayOutputStream();
        OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(ed25519, "new", null, privateKey);
        assertThat(run("touch " + key + " && chmod 644 " + key + " && cat > " + key, privateKey.toString())
                        .exitStatus())
                .isZero();
        assertThat(run("ssh-keygen -y -f " + key).stderr()).contains("are too open");
        host.files.put("/etc/ssh/sshd_config.d/00-host-key.conf", "HostKey " + key + "\n");
        assertThat(run("rm -f /etc/ssh/ssh_host_ecdsa_key /etc/ssh/ssh_host_ecdsa_key.pub")
                        .exitStatus())
                .isZero();
        assertThat(run("sshd -t").exitStatus()).isEqualTo(1);
        assertThat(run("sshd -t").stderr()).contains("no hostkeys available");

        assertThat(run("chmod 600 " + key + " && sshd -t").exitStatus()).isZero();
        assertThat(run("sshd -T").stdout()).contains("hostkey " + key + "\n").doesNotContain("ecdsa");
        assertThat(run("ssh-keygen -y -f " + key).stdout())
                .startsWith(PublicKeyEntry.toString(ed25519.getPublic()) + " ");
        assertThat(run("ls -1 /etc/ssh").stdout()).isEqualTo("ssh_host_ed25519_key\nsshd_config\nsshd_config.d\n");
    }

    @Test
    void ufwNeedsItsPackageThenAllowsPortsAndEnablesOnlyWhenForced() {
        assertThat(run("ufw status").exitStatus()).isEqualTo(127);
        assertThat(run("DEBIAN_FRONTEND=noninteractive apt-get install -y ufw").exitStatus())
                .isZero();
        assertThat(run("ufw status").stdout()).isEqualTo("Status: inactive\n");
        run("ufw default deny incoming");
        run("ufw allow 22/tcp");
        run("ufw allow 22/tcp");
        assertThat(run("ufw enable").exitStatus()).isEqualTo(1);
        assertThat(run("ufw --force enable").exitStatus()).isZero();
        assertThat(run("ufw status verbose").stdout())
                .contains("Status: active")
                .contains("Default: deny (incoming)")
                .contains("22/tcp                     ALLOW IN    Anywhere\n");
        assertThat(FirewallCommands.allowed(host)).containsExactly("22/tcp");
    }

    @Test
    void packagesInstallWithDependenciesAndStartTheirServices() {
        assertThat(run("dpkg-query -W -f='${Status} ${Version}\\n' nginx").exitStatus())
                .isEqualTo(1);
        assertThat(run("apt-get install nginx").exitStatus()).isEqualTo(1);
        assertThat(run("apt-get install -y nosuchpackage").exitStatus()).isEqualTo(100);
        assertThat(run("apt-get update").exitStatus()).isZero();
        assertThat(run("apt-get install -y nginx mariadb-server").exitStatus()).isZero();
        assertThat(run("dpkg-query -W -f='${Status} ${Version}\\n' nginx").stdout())
                .isEqualTo("install ok installed 1.22.1-9\n");
        assertThat(run("dpkg -s mariadb-client").stdout()).contains("Status: install ok installed");
        assertThat(run("systemctl is-active mariadb").stdout()).isEqualTo("active\n");
        assertThat(run("systemctl is-enabled nginx").exitStatus()).isZero();
    }

    @Test
    void servicesStartStopAndReloadOnlyWhenTheyExist() {
        assertThat(run("systemctl is-active nginx").exitStatus()).isEqualTo(3);
        assertThat(run("systemctl restart nginx").exitStatus()).isEqualTo(5);
        assertThat(run("systemctl reload ssh").exitStatus()).isZero();
        run("systemctl stop ssh");
        assertThat(run("systemctl reload ssh").exitStatus()).isEqualTo(1);
        assertThat(run("systemctl enable --now ssh").exitStatus()).isZero();
        assertThat(host.activeServices).contains("ssh");
    }

    @Test
    void cloudInitReportsDoneAsJsonOrErrorWithExitStatusOne() {
        CommandResult done = run("cloud-init status --wait --format json");
        assertThat(done.exitStatus()).isZero();
        assertThat(done.stdout()).contains("\"status\": \"done\"");
        host.settings.put(CloudInitCommands.RESULT, "error");
        CommandResult failed = run("cloud-init status --wait --format json");
        assertThat(failed.exitStatus()).isEqualTo(1);
        assertThat(failed.stdout()).contains("\"status\": \"error\"");
    }

    @Test
    void shellSyntaxBeyondTheModelledSubsetIsNotUnderstood() {
        assertThat(ShellWords.parse("id -u $(whoami)")).isEmpty();
        assertThat(ShellWords.parse("id -u root; reboot")).isEmpty();
        assertThat(ShellWords.parse("id -u 'a;$(b)'").orElseThrow().words()).containsExactly("id", "-u", "a;$(b)");
        assertThat(ShellWords.parse("printf '%s\\n' 'x' >> /f").orElseThrow().redirect())
                .isEqualTo(new ShellWords.Redirect("/f", true));
        assertThat(ShellWords.splitAndList("a 'b && c' && d")).containsExactly("a 'b && c'", "d");
    }

    private void runAll(String andList) {
        for (String part : ShellWords.splitAndList(andList)) {
            assertThat(run(part).exitStatus()).as(part).isZero();
        }
    }

    @Test
    void aSudoersFileIsCheckedByVisudoAndRenamedIntoPlace() {
        host.files.put("/etc/sudoers.d/rainmaker-ada.pending", "ada ALL=(ALL:ALL) NOPASSWD:ALL\n");
        assertThat(run("visudo -cf /etc/sudoers.d/rainmaker-ada.pending").stdout())
                .isEqualTo("/etc/sudoers.d/rainmaker-ada.pending: parsed OK\n");
        run("chmod 0440 /etc/sudoers.d/rainmaker-ada.pending");
        assertThat(run("mv /etc/sudoers.d/rainmaker-ada.pending /etc/sudoers.d/rainmaker-ada")
                        .exitStatus())
                .isZero();
        assertThat(host.files).doesNotContainKey("/etc/sudoers.d/rainmaker-ada.pending");
        assertThat(run("stat -c '%U %a' /etc/sudoers.d/rainmaker-ada").stdout()).isEqualTo("root 440\n");

        host.files.put("/etc/sudoers.d/broken.pending", "ada ALL=(ALL:ALL NOPASSWD:ALL\n");
        CommandResult broken = run("visudo -cf /etc/sudoers.d/broken.pending");
        assertThat(broken.exitStatus()).isEqualTo(1);
        assertThat(broken.stderr()).contains("syntax error");
    }

    @Test
    void fail2banRunsOnlyWhenItsSshdJailReadsTheJournalAsDebian12Needs() {
        assertThat(run("fail2ban-client status sshd").exitStatus()).isEqualTo(127);
        runAll("apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends fail2ban");
        assertThat(run("fail2ban-client status sshd").stderr()).contains("Is fail2ban running?");
        assertThat(run("timeout 30 sh -c 'until fail2ban-client ping > /dev/null 2>&1; do sleep 1; done'")
                        .exitStatus())
                .isEqualTo(124);

        runAll("install -d -m 755 /etc/fail2ban/jail.d && printf '%s\\n' '[sshd]' 'enabled = true' 'backend = systemd'"
                + " 'journalmatch = _SYSTEMD_UNIT=ssh.service + _COMM=sshd' > /etc/fail2ban/jail.d/rainmaker-sshd.local"
                + " && apt-get install -y python3-systemd && systemctl restart fail2ban"
                + " && timeout 30 sh -c 'until fail2ban-client ping > /dev/null 2>&1; do sleep 1; done'");
        assertThat(run("fail2ban-client status sshd").stdout())
                .startsWith("Status for the jail: sshd\n")
                .contains("Journal matches:\t_SYSTEMD_UNIT=ssh.service + _COMM=sshd\n");
        assertThat(run("systemctl is-enabled fail2ban").stdout()).isEqualTo("enabled\n");
    }

    @Test
    void aptConfigShellShowsTheValuesAptReadsLaterFilesWinning() {
        String query = "apt-config shell UPDATE APT::Periodic::Update-Package-Lists UNATTENDED"
                + " APT::Periodic::Unattended-Upgrade";
        assertThat(run(query).stdout()).isEmpty();
        runAll("printf '%s\\n' 'APT::Periodic::Update-Package-Lists \"1\";' 'APT::Periodic::Unattended-Upgrade \"1\";'"
                + " > /etc/apt/apt.conf.d/20auto-upgrades");
        assertThat(run(query).stdout()).isEqualTo("UPDATE='1'\nUNATTENDED='1'\n");
        host.files.put("/etc/apt/apt.conf.d/99local", "APT::Periodic::Unattended-Upgrade \"0\";\n");
        assertThat(run(query).stdout()).isEqualTo("UPDATE='1'\nUNATTENDED='0'\n");
    }

    @Test
    void aSwapFileIsAllocatedFormattedAndTurnedOnOnADropletWhichIsNoContainer() {
        CommandResult virt = run("systemd-detect-virt --container");
        assertThat(virt.exitStatus()).isEqualTo(1);
        assertThat(virt.stdout()).isEqualTo("none\n");
        assertThat(run("swaplabel /swapfile").exitStatus()).isEqualTo(1);
        runAll("rm -f /swapfile && fallocate -l 1073741824 /swapfile && chmod 600 /swapfile && mkswap /swapfile");
        assertThat(run("stat -c '%s %a %U' /swapfile").stdout()).isEqualTo("1073741824 600 root\n");
        assertThat(run("swaplabel /swapfile").stdout()).startsWith("UUID:  ");
        assertThat(run("swapon --show=NAME --noheadings").stdout()).isEmpty();
        assertThat(run("swapon /swapfile").exitStatus()).isZero();
        assertThat(run("swapon --show=NAME --noheadings").stdout()).isEqualTo("/swapfile\n");
        assertThat(run("mkswap /swapfile").stderr()).contains("Device or resource busy");
        assertThat(run("grep -qxF '/swapfile none swap sw 0 0' /etc/fstab").exitStatus())
                .isEqualTo(1);
    }

    @Test
    void aSwapFileInUseThatIsRemovedStaysInUseAndItsNameCanBeMadeAgain() {
        runAll("fallocate -l 1073741824 /swapfile && chmod 600 /swapfile && mkswap /swapfile && swapon /swapfile");

        runAll("rm -f /swapfile && fallocate -l 1073741824 /swapfile && chmod 600 /swapfile && mkswap /swapfile");

        assertThat(run("swapon --show=NAME --noheadings").stdout()).isEqualTo("/swapfile (deleted)\n");
        assertThat(run("swapon /swapfile").exitStatus()).isZero();
        assertThat(run("swapon --show=NAME --noheadings").stdout()).isEqualTo("/swapfile (deleted)\n/swapfile\n");
    }
}
