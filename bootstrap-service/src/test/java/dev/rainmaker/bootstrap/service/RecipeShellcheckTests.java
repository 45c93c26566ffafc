package dev.rainmaker.bootstrap.service;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.rainmaker.bootstrap.domain.HostFacts;
import dev.rainmaker.bootstrap.domain.HostStep;
import dev.rainmaker.events.AdminUser;
import dev.rainmaker.events.Droplet;
import dev.rainmaker.events.SignupReceived;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Every check and change command of both families, rendered for a sign-up with two admins, on a machine and in a
 * container, passes shellcheck as the bash script it is on the host (root's login shell runs it). The dnf family is
 * proven this way until a real host of that family can be had.
 */
class RecipeShellcheckTests {

    private static final String KEY =
            "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIH1e2kqVq1x0bM0tV7sW1c3s2k9xR0gYpUoXh8a2b3cd";

    @TempDir
    Path scripts;

    @Test
    void everyCommandOfBothFamiliesPassesShellcheck() throws Exception {
        assumeTrue(
                shellcheckVersion() != null, "shellcheck is not installed here (apt-get install shellcheck): skipped");
        SignupReceived signup = new SignupReceived(
                "acme-42",
                "ops@acme.example",
                "Ada",
                "starter",
                "America/Argentina/Buenos_Aires",
                List.of(new AdminUser("ada", KEY + " ada@laptop"), new AdminUser("grace_h", KEY + " it's grace")));
        List<Path> files = new ArrayList<>();
        for (HardeningRecipe recipe : List.of(new AptHardeningRecipe(), new DnfHardeningRecipe())) {
            for (HostFacts facts : List.of(new HostFacts("none"), new HostFacts("systemd-nspawn"))) {
                for (String image : List.of("debian-12-x64", "rockylinux-9-x64")) {
                    Droplet droplet =
                            new Droplet(1, "rm-acme-42", "10.0.0.2", "fra1", image, "s-1vcpu-2gb", "SHA256:x");
                    for (HostStep step : recipe.steps(signup, droplet, facts)) {
                        files.add(script(recipe, step, "check", step.check()));
                        files.add(script(recipe, step, "change", step.apply()));
                    }
                }
            }
        }
        List<String> command = new ArrayList<>(List.of("shellcheck", "--shell=bash", "--format=gcc"));
        files.stream().map(Path::toString).forEach(command::add);

        Process shellcheck =
                new ProcessBuilder(command).redirectErrorStream(true).start();
        String report = new String(shellcheck.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(shellcheck.waitFor(2, TimeUnit.MINUTES)).isTrue();

        assertThat(files).hasSizeGreaterThan(60);
        assertThat(report).as("shellcheck's findings").isEmpty();
        assertThat(shellcheck.exitValue()).isZero();
    }

    private Path script(HardeningRecipe recipe, HostStep step, String kind, String command) throws IOException {
        String name = recipe.getClass().getSimpleName() + "-" + step.name().replaceAll("[^A-Za-z0-9]+", "_") + "-"
                + kind + "-" + Integer.toHexString(command.hashCode()) + ".sh";
        return Files.writeString(scripts.resolve(name), "#!/bin/bash\n" + command + "\n");
    }

    private static String shellcheckVersion() {
        try {
            Process process = new ProcessBuilder("shellcheck", "--version")
                    .redirectErrorStream(true)
                    .start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return process.waitFor() == 0 ? out : null;
        } catch (IOException | InterruptedException e) {
            return null;
        }
    }
}
