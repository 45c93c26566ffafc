package dev.rainmaker.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import dev.rainmaker.deadletters.DeadLetter;
import dev.rainmaker.deadletters.DeadLetters;
import dev.rainmaker.deadletters.DeadLetters.Filter;
import dev.rainmaker.deadletters.DeadLetters.Listed;
import dev.rainmaker.deadletters.Position;
import dev.rainmaker.deadletters.Replay;
import dev.rainmaker.localcloud.LocalCloudInfo;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code ./rainmaker dlq list | show | replay [--topic T] [--customer C] [--all] [--position T/P/O] [--kafka HOST:PORT]}:
 * what failed, why, and sending it through again once the cause is fixed. The work is the dead-letters library's, the
 * same that status-service's API uses.
 */
@Command(
        name = "dlq",
        description = "Dead letters: what failed and why; sending it through again once the cause is fixed.",
        synopsisSubcommandLabel = "(list | show | replay)",
        footerHeading = "%n",
        footer = {DeadLetterCommand.FOOTER_TOPIC, DeadLetterCommand.FOOTER_KAFKA},
        exitCodeList = {DeadLetterCommand.DONE, DeadLetterCommand.FAILED, RainmakerCli.USAGE_ERROR})
final class DeadLetterCommand implements Callable<Integer> {

    static final String FOOTER_TOPIC = "T: a pipeline topic such as rainmaker.signup-received, or its T.dlq.";
    static final String FOOTER_POSITION =
            "T/P/O: a dead letter's topic, partition and offset, as `dlq show` prints it.";
    static final String FOOTER_KAFKA = "Kafka: --kafka, else the running local cloud's, else 127.0.0.1:9092.";
    static final String DONE = "0:done (also when no dead letter matched)";
    static final String FAILED = "1:Kafka could not be read or written";

    @Spec
    private CommandSpec spec;

    private final Path stateDirectory;
    private final PrintStream out;

    DeadLetterCommand(Path stateDirectory, PrintStream out) {
        this.stateDirectory = stateDirectory;
        this.out = out;
    }

    /** {@code --topic}, {@code --customer} and {@code --kafka}, which every dlq command takes. */
    static final class Selection {
        @Option(names = "--topic", paramLabel = "T", description = "only dead letters of this topic")
        String topic;

        @Option(names = "--customer", paramLabel = "C", description = "only dead letters of this customer")
        String customer;

        @Option(names = "--kafka", paramLabel = "HOST:PORT", description = "the Kafka to read (see below)")
        String kafka;

        Filter filter() {
            return new Filter(topic, customer);
        }
    }

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "Missing required command: list, show or replay");
    }

    @Command(
            name = "list",
            description = "One line per dead letter: when, where from, customer, why, and whether it was replayed.",
            footerHeading = "%n",
            footer = {FOOTER_TOPIC, FOOTER_KAFKA},
            exitCodeList = {DONE, FAILED, RainmakerCli.USAGE_ERROR})
    int list(@Mixin Selection selection) {
        return eachListed(selection, listed -> {
            DeadLetter letter = listed.letter();
            out.printf(
                    "%s  %-28s %-24s %s%s%n",
                    letter.deadAt(),
                    letter.originalTopic(),
                    letter.customerId(),
                    letter.reason(),
                    listed.replayed() ? "  [replayed]" : "");
        });
    }

    @Command(
            name = "show",
            description = "Each dead letter whole: headers and value.",
            footerHeading = "%n",
            footer = {FOOTER_TOPIC, FOOTER_KAFKA},
            exitCodeList = {DONE, FAILED, RainmakerCli.USAGE_ERROR})
    int show(@Mixin Selection selection) {
        return eachListed(selection, listed -> {
            DeadLetter letter = listed.letter();
            out.printf("== %s%s%n", letter.position(), listed.replayed() ? " (replayed)" : "");
            out.printf("customer: %s%ndead at:  %s%n", letter.customerId(), letter.deadAt());
            letter.headers().forEach((name, value) -> out.printf("  %s: %s%n", name, value));
            out.printf("value:%n%s%n%n", letter.value());
        });
    }

    @Command(
            name = "replay",
            description = {
                "Sends the dead letters not yet replayed back to the topic they failed on, key and value unchanged,"
                        + " each at most once whoever else replays it. Needs --topic, --customer, --all or --position."
            },
            footerHeading = "%n",
            footer = {FOOTER_TOPIC, FOOTER_POSITION, FOOTER_KAFKA},
            exitCodeList = {DONE, FAILED, RainmakerCli.USAGE_ERROR})
    int replay(
            @Mixin Selection selection,
            @Option(names = "--all", description = "every dead letter not yet replayed") boolean all,
            @Option(names = "--position", paramLabel = "T/P/O", description = "only the dead letter at this position")
                    String position) {
        CommandLine replay = spec.subcommands().get("replay");
        if (!all && selection.topic == null && selection.customer == null && position == null) {
            throw new ParameterException(replay, "replay needs --topic, --customer, --all or --position");
        }
        if (position != null && (all || selection.topic != null || selection.customer != null)) {
            throw new ParameterException(replay, "--position names one dead letter: it goes alone");
        }
        DeadLetters deadLetters = deadLetters(selection);
        List<Replay> replays = position != null
                ? List.of(deadLetters.replay(at(replay, position)))
                : deadLetters.replay(selection.filter());
        replays.forEach(this::print);
        out.printf(
                "%d dead letter(s) replayed.%n",
                replays.stream()
                        .filter(done -> done.outcome() == Replay.Outcome.REPLAYED)
                        .count());
        return RainmakerCli.SUCCESS;
    }

    private static Position at(CommandLine replay, String position) {
        try {
            return Position.parse(position);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(replay, "Invalid value for option '--position': " + e.getMessage());
        }
    }

    private void print(Replay replay) {
        switch (replay.outcome()) {
            case REPLAYED -> {
                DeadLetter letter = replay.letter().orElseThrow();
                out.printf(
                        "replayed %s (customer %s) to %s%n",
                        letter.position(), letter.customerId(), letter.originalTopic());
            }
            case ALREADY_REPLAYED -> out.printf("already replayed %s, not again%n", replay.position());
            case NO_SUCH_DEAD_LETTER -> out.printf("no dead letter at %s%n", replay.position());
        }
    }

    private int eachListed(Selection selection, Consumer<Listed> print) {
        List<Listed> letters = deadLetters(selection).list(selection.filter());
        letters.forEach(print);
        out.printf("%d dead letter(s).%n", letters.size());
        return RainmakerCli.SUCCESS;
    }

    private DeadLetters deadLetters(Selection selection) {
        return DeadLetters.at(selection.kafka != null ? selection.kafka : localKafka());
    }

    private String localKafka() {
        Path info = stateDirectory.resolve("local-cloud.properties");
        return Files.exists(info) ? LocalCloudInfo.readFrom(info).kafkaBootstrapServers() : "127.0.0.1:9092";
    }
}
