package dev.rainmaker.api;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import dev.rainmaker.api.service.WebhookSigner;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The verification snippets apps copy from docs/webhooks.md, run as the apps would run them against signatures made by
 * {@link WebhookSigner}: a snippet that accepts a tampered body or rejects a good one would make every app that copied
 * it insecure or deaf. Skipped where node or python3 is not installed.
 */
class WebhookSnippetsTests {

    private static final Path DOCS = docs();
    private static final String SECRET = "whsec-for-snippet-tests";
    private static final byte[] BODY =
            "{\"specversion\":\"1.0\",\"id\":\"e-1\",\"type\":\"customer.ready\",\"data\":{\"note\":\"caf\u00e9 \\\"q\\\"\"}}"
                    .getBytes(StandardCharsets.UTF_8);

    @ParameterizedTest
    @ValueSource(strings = {"node verify.js", "python3 verify.py"})
    void aSignatureByWebhookSignerIsValid(String command) throws Exception {
        long now = Instant.now().getEpochSecond();

        assertThat(run(command, SECRET, WebhookSigner.signature(SECRET, now, BODY), BODY))
                .as("exit code of %s for a valid signature", command)
                .isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"node verify.js", "python3 verify.py"})
    void aTamperedBodyAWrongSecretAnOldTimeOrAGarbledHeaderIsRejected(String command) throws Exception {
        long now = Instant.now().getEpochSecond();
        byte[] tampered = new String(BODY, StandardCharsets.UTF_8)
                .replace("customer.ready", "customer.failed")
                .getBytes(StandardCharsets.UTF_8);

        assertThat(run(command, SECRET, WebhookSigner.signature(SECRET, now, BODY), tampered))
                .as("tampered body")
                .isNotZero();
        assertThat(run(command, "another-secret", WebhookSigner.signature(SECRET, now, BODY), BODY))
                .as("wrong secret")
                .isNotZero();
        assertThat(run(command, SECRET, WebhookSigner.signature(SECRET, now - 600, BODY), BODY))
                .as("signed 10 minutes ago")
                .isNotZero();
        assertThat(run(command, SECRET, "t=" + now + ",v1=zz", BODY))
                .as("garbled header")
                .isNotZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"verify.js", "verify.py"})
    void theDocShowsEachSnippetByteForByte(String file) throws IOException {
        String doc = Files.readString(DOCS.resolve("webhooks.md"));

        assertThat(doc).contains(Files.readString(DOCS.resolve("webhooks").resolve(file)));
    }

    private static int run(String command, String secret, String signature, byte[] body) throws Exception {
        String[] words = command.split(" ");
        Assumptions.assumeTrue(onPath(words[0]), words[0] + " is not installed");
        ProcessBuilder builder = new ProcessBuilder(words)
                .directory(DOCS.resolve("webhooks").toFile())
                .redirectErrorStream(true);
        builder.environment().put("RAINMAKER_WEBHOOK_SECRET", secret);
        builder.environment().put("RAINMAKER_SIGNATURE", signature);
        Process process = builder.start();
        try (OutputStream stdin = process.getOutputStream()) {
            stdin.write(body);
        }
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(30, TimeUnit.SECONDS))
                .as("%s finished", command)
                .isTrue();
        assertThat(process.exitValue())
                .as("%s's exit code (output: %s)", command, new String(output, StandardCharsets.UTF_8))
                .isIn(0, 1);
        return process.exitValue();
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    /** The worktree's docs/, found from the module directory the tests run in. */
    private static Path docs() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("docs").resolve("webhooks"))) {
                return dir.resolve("docs");
            }
        }
        throw new IllegalStateException("no docs/webhooks above " + Path.of("").toAbsolutePath());
    }
}
