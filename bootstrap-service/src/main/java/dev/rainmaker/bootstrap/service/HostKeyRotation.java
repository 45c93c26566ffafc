package dev.rainmaker.bootstrap.service;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import jakarta.enterprise.context.ApplicationScoped;

import dev.rainmaker.bootstrap.domain.HostStep;
import dev.rainmaker.bootstrap.domain.StepOutcome;
import dev.rainmaker.hostaccess.CommandOutput;
import dev.rainmaker.hostaccess.FinalHostKey;
import dev.rainmaker.hostaccess.FirstLoginShell;

import static dev.rainmaker.hostaccess.ShellQuote.quote;

/**
 * The first step on a new host: its boot host key (from {@code user_data}, shared by the droplets of one create
 * request and readable from the metadata service) is replaced by the droplet's own final Ed25519 key. The private key
 * reaches the host only as standard input of {@code cat}. Done when the host presents the final key to us and, on the
 * host, the key file holds it (root, 0600), sshd is configured with it alone, and no other host key file is left.
 */
@ApplicationScoped
public class HostKeyRotation {

    public static final String STEP = "host-key";
    static final String KEY_FILE = "/etc/ssh/ssh_host_ed25519_key";
    /** Sorted before every other drop-in, hardening's included. */
    static final String SSHD_DROP_IN = "/etc/ssh/sshd_config.d/00-rainmaker-0-host-key.conf";

    private static final List<String> OTHER_KEY_FILES = List.of(
            "/etc/ssh/ssh_host_ecdsa_key",
            "/etc/ssh/ssh_host_ecdsa_key.pub",
            "/etc/ssh/ssh_host_rsa_key",
            "/etc/ssh/ssh_host_rsa_key.pub",
            "/etc/ssh/ssh_host_dsa_key",
            "/etc/ssh/ssh_host_dsa_key.pub");
    private static final Set<String> KEY_FILES_LEFT = Set.of("ssh_host_ed25519_key", "ssh_host_ed25519_key.pub");

    /** Check (public key of the key file, its owner and mode, sshd's host keys, the files in /etc/ssh) and change. */
    public static HostStep step(FinalHostKey key, String sshUnit) {
        return new HostStep(
                STEP,
                "ssh-keygen -y -f " + KEY_FILE + " && stat -c '%U %a' " + KEY_FILE + " && sshd -T && ls -1 /etc/ssh",
                out -> inPlace(out, key),
                "touch " + KEY_FILE + " && chmod 600 " + KEY_FILE + " && cat > " + KEY_FILE
                        + " && printf '%s\\n' " + quote(key.publicKeyLine()) + " > " + KEY_FILE + ".pub"
                        + " && printf '%s\\n' " + quote("HostKey " + KEY_FILE) + " > " + SSHD_DROP_IN
                        + " && rm -f " + String.join(" ", OTHER_KEY_FILES)
                        + " && sshd -t && systemctl reload " + sshUnit);
    }

    /**
     * Check, change only if needed (the private key as the change's standard input), check again. The host still
     * presenting the boot key counts as not done even when the files are in place: sshd reads them only on reload.
     */
    public StepOutcome rotate(FirstLoginShell host, FinalHostKey key, String sshUnit) {
        HostStep step = step(key, sshUnit);
        if (host.presentedHostKeyFingerprint().equals(key.fingerprint())
                && step.satisfiedBy().test(host.run(step.check()))) {
            return StepOutcome.SKIPPED;
        }
        CommandOutput applied = host.run(step.apply(), key.privateKeyFile());
        CommandOutput verified = host.run(step.check());
        if (!step.satisfiedBy().test(verified)) {
            throw new HardeningFailure("hardening step '" + STEP + "' is still not satisfied after its change;"
                    + " the change ended with " + applied.describe() + "; the check then showed "
                    + verified.describe());
        }
        return StepOutcome.APPLIED;
    }

    private static boolean inPlace(CommandOutput out, FinalHostKey key) {
        List<String> lines = out.stdout().lines().map(String::strip).toList();
        String publicKey = keyTypeAndData(key.publicKeyLine());
        return out.succeeded()
                && lines.stream().anyMatch(line -> keyTypeAndData(line).equals(publicKey))
                && lines.contains("root 600")
                && lines.stream()
                        .filter(line -> line.startsWith("hostkey "))
                        .toList()
                        .equals(List.of("hostkey " + KEY_FILE))
                && lines.stream()
                        .filter(line -> line.startsWith("ssh_host_"))
                        .collect(Collectors.toSet())
                        .equals(KEY_FILES_LEFT);
    }

    private static String keyTypeAndData(String publicKeyLine) {
        String[] words = publicKeyLine.split(" ");
        return words.length < 2 ? "" : words[0] + " " + words[1];
    }
}
