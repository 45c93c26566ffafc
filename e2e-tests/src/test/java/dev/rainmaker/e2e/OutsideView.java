package dev.rainmaker.e2e;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A host as someone on the internet sees it: TCP ports, HTTP, and the machine's OpenSSH client. */
final class OutsideView {

    enum Port {
        OPEN,
        REFUSED,
        FILTERED
    }

    record Result(int exitStatus, String stdout, String stderr) {}

    private OutsideView() {}

    /** Open (connects), refused (a firewall let the SYN through, nothing listens) or filtered (dropped). */
    static Port port(String address, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 2000);
            return Port.OPEN;
        } catch (ConnectException refused) {
            return Port.REFUSED;
        } catch (SocketTimeoutException dropped) {
            return Port.FILTERED;
        } catch (IOException other) {
            return Port.FILTERED;
        }
    }

    static String httpGet(String url) throws IOException, InterruptedException {
        try (HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            HttpResponse<String> response = client.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .timeout(Duration.ofSeconds(10))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() + " " + response.body();
        }
    }

    /** {@code ssh-keyscan}'s answer: every host key the host offers, one OpenSSH line each. */
    static List<String> hostKeys(String address) throws IOException, InterruptedException {
        return run(List.of("ssh-keyscan", "-T", "5", address))
                .stdout()
                .lines()
                .filter(line -> !line.startsWith("#") && !line.isBlank())
                .toList();
    }

    /** {@code SHA256:...} of an OpenSSH public key line, as {@code ssh-keygen -l} prints it. */
    static String fingerprint(String knownHostsLine) throws IOException, InterruptedException {
        Path file = Files.createTempFile("hostkey", ".pub");
        try {
            Files.writeString(file, knownHostsLine.substring(knownHostsLine.indexOf(' ') + 1) + "\n");
            return run(List.of("ssh-keygen", "-l", "-E", "sha256", "-f", file.toString()))
                    .stdout()
                    .split("\\s+")[1];
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Logs in as {@code user} with only {@code identity}, trusting only {@code knownHosts}, and runs a command. */
    static Result ssh(Path knownHosts, String user, String address, Path identity, String command)
            throws IOException, InterruptedException {
        List<String> ssh = sshBase(knownHosts);
        ssh.addAll(List.of("-o", "IdentitiesOnly=yes", "-i", identity.toString(), user + "@" + address, command));
        return run(ssh);
    }

    /**
     * Tries to log in with a password (or keyboard-interactive) only. BatchMode sends no password: the server's
     * refusal lists the methods it would still accept.
     */
    static Result passwordLogin(Path knownHosts, String user, String address) throws IOException, InterruptedException {
        List<String> ssh = sshBase(knownHosts);
        ssh.addAll(List.of(
                "-o",
                "PubkeyAuthentication=no",
                "-o",
                "PreferredAuthentications=password,keyboard-interactive",
                user + "@" + address,
                "true"));
        return run(ssh);
    }

    private static List<String> sshBase(Path knownHosts) {
        return new ArrayList<>(List.of(
                "ssh",
                "-o",
                "BatchMode=yes",
                "-o",
                "StrictHostKeyChecking=yes",
                "-o",
                "UserKnownHostsFile=" + knownHosts,
                "-o",
                "ConnectTimeout=10"));
    }

    static Result run(List<String> command) throws IOException, InterruptedException {
        Path out = Files.createTempFile("outside", ".out");
        Path err = Files.createTempFile("outside", ".err");
        try {
            Process process = new ProcessBuilder(command)
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(command.get(0) + " did not end in 2 minutes");
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
