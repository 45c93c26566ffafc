package dev.rainmaker.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ./rainmaker}'s help, usage errors and exit codes; nothing here starts Kafka or the local cloud. */
class CommandLineTests {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @ParameterizedTest
    @ValueSource(
            strings = {
                "--help",
                "-h",
                "demo --help",
                "up --help",
                "up -h",
                "bench --help",
                "dlq --help",
                "dlq list --help",
                "dlq show -h",
                "dlq replay --help",
                "images --help"
            })
    void everyCommandPrintsItsUsageAndExitCodesOnHelpAndExitsZero(String args) {
        String command = ("rainmaker " + args.replaceAll(" ?(--help|-h)$", "")).trim();

        assertThat(run(args.split(" "))).isEqualTo(RainmakerCli.SUCCESS);

        assertThat(out())
                .startsWith("Usage: " + command + " ")
                .contains("Exit codes:")
                .containsPattern("\n  2 +usage error");
        assertThat(err()).isEmpty();
    }

    @Test
    void helpShowsEachDefault() {
        run("demo", "--help");
        assertThat(outOnOneLine())
                .contains("--customers=N", "(default: 1)")
                .contains("--timeout=DURATION", "(default: 5m)")
                .contains("--boot-delay=DURATION", "(default: 2s)")
                .contains("--hosts=KIND", "auto (default)");
        out.reset();
        run("up", "--help");
        assertThat(outOnOneLine()).contains("--kafka-port=PORT", "(default: 9092)");
        out.reset();
        run("bench", "--help");
        assertThat(outOnOneLine())
                .contains("(default: 1000)", "(default: 0s)", "(default: real)", "(default: 20m)")
                .contains("--instances=1|2", "--do-limits=real|off");
    }

    @Test
    void versionIsPrintedAndExitsZero() {
        assertThat(run("--version")).isEqualTo(RainmakerCli.SUCCESS);
        assertThat(out()).startsWith("rainmaker ");
    }

    @Test
    void aBadValueExitsTwoNamingTheOptionAndTheValue() {
        assertThat(run("demo", "--customers", "x")).isEqualTo(RainmakerCli.USAGE);
        assertThat(err())
                .startsWith("Invalid value for option '--customers': 'x' is not a positive whole number")
                .contains("Usage: rainmaker demo");
        assertThat(out()).isEmpty();
    }

    @Test
    void anUnknownOptionExitsTwoNamingIt() {
        assertThat(run("up", "--colour", "red")).isEqualTo(RainmakerCli.USAGE);
        assertThat(err()).startsWith("Unknown options: '--colour', 'red'");
    }

    @Test
    void anOptionWithoutItsValueExitsTwoNamingIt() {
        assertThat(run("bench", "--signups")).isEqualTo(RainmakerCli.USAGE);
        assertThat(err()).startsWith("Missing required parameter for option '--signups' (N)");
    }

    @Test
    void noCommandOrAnUnknownOneExitsTwo() {
        assertThat(run()).isEqualTo(RainmakerCli.USAGE);
        assertThat(err())
                .startsWith("Missing required command: demo, up, bench, dlq or images")
                .contains("Usage: rainmaker");
        err.reset();
        assertThat(run("launch")).isEqualTo(RainmakerCli.USAGE);
        assertThat(err()).contains("'launch'");
        err.reset();
        assertThat(run("dlq")).isEqualTo(RainmakerCli.USAGE);
        assertThat(err()).startsWith("Missing required command: list, show or replay");
    }

    @Test
    void anUnknownServiceToBuildExitsTwoBeforeBuildingAnything() {
        assertThat(run("images", "--tag", "t", "mailer-service")).isEqualTo(RainmakerCli.USAGE);
        assertThat(err())
                .startsWith("Invalid value for positional parameter 'SERVICE': 'mailer-service' is none of"
                        + " droplet-service, bootstrap-service")
                .contains("Usage: rainmaker images");
    }

    @Test
    void replayWithoutSayingWhatExitsTwoBeforeReachingKafka() {
        assertThat(run("dlq", "replay")).isEqualTo(RainmakerCli.USAGE);
        assertThat(err())
                .startsWith("replay needs --topic, --customer, --all or --position")
                .contains("Usage: rainmaker dlq replay");
    }

    private int run(String... args) {
        return RainmakerCli.commandLine(Path.of("does-not-exist"), new PrintStream(out, true, StandardCharsets.UTF_8))
                .setErr(new PrintWriter(new PrintStream(err, true, StandardCharsets.UTF_8), true))
                .execute(args);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The output as one line: where picocli wraps a description depends on the width of the terminal. */
    private String outOnOneLine() {
        return out().replaceAll("\\s+", " ");
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
