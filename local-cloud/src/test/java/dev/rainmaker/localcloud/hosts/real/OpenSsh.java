package dev.rainmaker.localcloud.hosts.real;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The machine's OpenSSH client, trusting only the given known_hosts file: how a person would log in from outside. */
public record OpenSsh(Path knownHosts) {

    public record Result(int exitStatus, String stdout, String stderr) {}

    /** One login's command, for {@link #untilConnected}. */
    public interface Call {
        Result run() throws Exception;
    }

    /**
     * ssh's exit status 255 is a failed connection: sshd answers as soon as it starts, and cloud-init may restart it
     * once more while it applies {@code ssh_pwauth}, as on DigitalOcean; a client tries again, as bootstrap-service does.
     */
    public static Result untilConnected(Call call) throws Exception {
        Instant deadline = Instant.now().plusSeconds(30);
        Result result = call.run();
        while (result.exitStatus() == 255 && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
            result = call.run();
        }
        return result;
    }

    public Result run(String user, String address, Path identity, String command)
            throws IOException, InterruptedException {
        List<String> ssh = new ArrayList<>(List.of(
                "ssh",
                "-i",
                identity.toString(),
                "-o",
                "IdentitiesOnly=yes",
                "-o",
                "BatchMode=yes",
                "-o",
                "StrictHostKeyChecking=yes",
                "-o",
                "UserKnownHostsFile=" + knownHosts,
                "-o",
                "ConnectTimeout=10",
                user + "@" + address,
                command));
        Path out = Files.createTempFile("ssh", ".out");
        Path err = Files.createTempFile("ssh", ".err");
        try {
            Process process = new ProcessBuilder(ssh)
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("ssh " + command + " did not end in 5 minutes");
            }
            return new Result(
                    process.exitValue(),
                    Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
