package dev.rainmaker.bootstrap.service;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import dev.rainmaker.bootstrap.domain.HostStep;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile values, let past validation on purpose, rendered into every step that carries a sign-up value, and each
 * rendered command run by a real bash. PATH holds only stubs that log their arguments (and a {@code touch} that really
 * touches, so an injected command would leave its mark); paths under /etc and /home point into a scratch root. Nothing
 * extra may run, and each value must reach its program as exactly one intact argument.
 */
class HostileValuesInARealShellTests {

    static final List<String> HOSTILE = List.of(
            "it's",
            "a;b",
            "; touch CANARY;",
            "$(touch CANARY)",
            "`touch CANARY`",
            "a\nb\ntouch CANARY",
            "*",
            "a b\tc",
            "\\\"quoted\\\"",
            "${HOME}",
            "a && touch CANARY",
            "a | touch CANARY",
            "> CANARY");
    private static final List<String> PROGRAMS = List.of(
            "timedatectl",
            "id",
            "useradd",
            "usermod",
            "stat",
            "grep",
            "chmod",
            "chown",
            "install",
            "visudo",
            "mv",
            "restorecon");
    private static final String KEY =
            "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIH1e2kqVq1x0bM0tV7sW1c3s2k9xR0gYpUoXh8a2b3cd";

    @TempDir
    Path tmp;

    private Path bin;
    private Path root;
    private Path work;
    private Path log;

    @BeforeEach
    void stubsAndScratchRoot() throws IOException {
        bin = Files.createDirectories(tmp.resolve("bin"));
        root = Files.createDirectories(tmp.resolve("root"));
        work = Files.createDirectories(tmp.resolve("work"));
        log = tmp.resolve("argv.log");
        Files.createDirectories(root.resolve("etc/sudoers.d"));
        Files.writeString(work.resolve("GLOBBED"), "a file a bare * would expand to");
        String logArgs = "{ printf '%s' \"${0##*/}\"; printf '\\0%s' \"$@\"; printf '\\0\\036'; } >> '" + log + "'\n";
        for (String program : PROGRAMS) {
            stub(program, "#!/bin/bash\n" + logArgs);
        }
        stub("touch", "#!/bin/bash\n" + logArgs + "exec /usr/bin/touch \"$@\"\n");
    }

    @Test
    void hostileValuesRunNothingAndReachTheirProgramsIntact() throws Exception {
        for (String value : HOSTILE) {
            Files.createDirectories(root.resolve("home").resolve(value).resolve(".ssh"));
            String sudoers = root + "/etc/sudoers.d/rainmaker-" + value;
            String pending = sudoers + ".pending";
            String sshDir = root + "/home/" + value + "/.ssh";
            String keys = sshDir + "/authorized_keys";
            String rule = value + " ALL=(ALL:ALL) NOPASSWD:ALL";
            String key = KEY + " " + value;

            run(
                    LinuxSteps.timezone(value),
                    List.of(List.of("timedatectl", "show", "-p", "Timezone", "--value")),
                    List.of(List.of("timedatectl", "set-timezone", value)));
            run(
                    LinuxSteps.adminUser(value),
                    List.of(List.of("id", "-u", value)),
                    List.of(List.of("useradd", "--create-home", "--shell", "/bin/bash", value)));
            for (String group : List.of("sudo", "wheel")) {
                run(
                        LinuxSteps.groupMember(value, group),
                        List.of(List.of("id", "-nG", value)),
                        List.of(List.of("usermod", "-aG", group, value)));
            }
            run(
                    LinuxSteps.sudoWithoutPassword(value),
                    List.of(List.of("stat", "-c", "%U %a", sudoers), List.of("grep", "-qxF", rule, sudoers)),
                    List.of(
                            List.of("chmod", "0440", pending),
                            List.of("visudo", "-cf", pending),
                            List.of("mv", pending, sudoers)));
            assertThat(Files.readString(Path.of(pending)))
                    .as("the rule written for %s", value)
                    .isEqualTo(rule + "\n");

            List<List<String>> keyChange = List.of(
                    List.of("install", "-d", "-m", "700", "-o", value, "-g", value, sshDir),
                    List.of("chown", value + ":" + value, keys),
                    List.of("chmod", "600", keys));
            List<List<String>> keyCheck =
                    List.of(List.of("stat", "-c", "%U %a", sshDir, keys), List.of("grep", "-qxF", key, keys));
            run(LinuxSteps.authorizedKey(value, key), keyCheck, keyChange);
            List<List<String>> dnfKeyChange = new ArrayList<>(keyChange);
            dnfKeyChange.add(List.of("restorecon", "-R", sshDir));
            run(DnfHardeningSteps.authorizedKey(value, key), keyCheck, dnfKeyChange);
            assertThat(Files.readString(Path.of(keys)))
                    .as("the key line for %s", value)
                    .isEqualTo(key + "\n" + key + "\n");
        }

        try (Stream<Path> files = Files.walk(tmp)) {
            assertThat(files.map(path -> path.getFileName().toString())).doesNotContain("CANARY");
        }
    }

    /** Runs the step's check and its change, each in its own bash, and compares what the stubs were called with. */
    private void run(HostStep step, List<List<String>> checkCalls, List<List<String>> changeCalls) throws Exception {
        assertThat(bash(step.check()))
                .as("programs run by the check of '%s'", step.name())
                .isEqualTo(checkCalls);
        assertThat(bash(step.apply()))
                .as("programs run by the change of '%s'", step.name())
                .isEqualTo(changeCalls);
    }

    private List<List<String>> bash(String command) throws Exception {
        String scratch = command.replace("'/etc/", "'" + root + "/etc/").replace("'/home/", "'" + root + "/home/");
        Files.deleteIfExists(log);
        ProcessBuilder builder = new ProcessBuilder("/bin/bash", "-c", scratch)
                .directory(work.toFile())
                .redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().put("PATH", bin.toString());
        builder.environment().put("HOME", work.toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("bash -c %s: %s", scratch, output).isZero();
        List<List<String>> calls = new ArrayList<>();
        if (Files.exists(log)) {
            for (String call : Files.readString(log).split("\0\036")) {
                if (!call.isEmpty()) {
                    calls.add(Arrays.asList(call.split("\0", -1)));
                }
            }
        }
        return calls;
    }

    private void stub(String program, String script) throws IOException {
        Path file = Files.writeString(bin.resolve(program), script);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
