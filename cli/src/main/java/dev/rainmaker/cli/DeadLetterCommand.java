package dev.rainmaker.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.rainmaker.cli.DeadLetters.Filter;
import dev.rainmaker.cli.DeadLetters.Listed;
import dev.rainmaker.localcloud.LocalCloudInfo;
import dev.rainmaker.localcloud.kafka.TopicClient;

/**
 * {@code ./rainmaker dlq list | show | replay [--topic T] [--customer C] [--all] [--kafka HOST:PORT]}: what failed,
 * why, and sending it through again once the cause is fixed.
 */
final class DeadLetterCommand {

    static final String USAGE = """
            usage: ./rainmaker dlq list   [--topic T] [--customer C] [--kafka HOST:PORT]
                   ./rainmaker dlq show   [--topic T] [--customer C] [--kafka HOST:PORT]
                   ./rainmaker dlq replay (--topic T | --customer C | --all) [--kafka HOST:PORT]

              list    one line per dead letter: when, where from, customer, why, and whether it was replayed
              show    each dead letter whole: headers and value
              replay  sends dead letters not yet replayed back to the topic they failed on, key and value unchanged
              T: a pipeline topic (rainmaker.signup-received) or its dead-letter topic (….dlq).
              Kafka: --kafka, else the running local cloud's (.rainmaker/local-cloud.properties), else 127.0.0.1:9092.
            """;

    private DeadLetterCommand() {}

    static int run(List<String> args, Path stateDirectory, PrintStream out) {
        if (args.isEmpty() || !List.of("list", "show", "replay").contains(args.getFirst())) {
            out.print(USAGE);
            return 2;
        }
        String topic = null;
        String customer = null;
        boolean all = false;
        String kafka = null;
        for (int i = 1; i < args.size(); i++) {
            switch (args.get(i)) {
                case "--all" -> all = true;
                case "--topic" -> topic = value(args, ++i);
                case "--customer" -> customer = value(args, ++i);
                case "--kafka" -> kafka = value(args, ++i);
                default -> throw new IllegalArgumentException("unknown option " + args.get(i));
            }
        }
        Filter filter = new Filter(topic, customer);
        if (args.getFirst().equals("replay") && !all && topic == null && customer == null) {
            throw new IllegalArgumentException("replay needs --topic, --customer or --all");
        }
        try (var client = new TopicClient(kafka != null ? kafka : localKafka(stateDirectory))) {
            DeadLetters deadLetters = new DeadLetters(client);
            switch (args.getFirst()) {
                case "list" -> list(deadLetters.list(filter), out);
                case "show" -> show(deadLetters.list(filter), out);
                default -> {
                    List<DeadLetter> sent = deadLetters.replay(filter);
                    sent.forEach(letter -> out.printf(
                            "replayed %s (customer %s) to %s%n",
                            letter.position(), letter.customerId(), letter.originalTopic()));
                    out.printf("%d dead letter(s) replayed.%n", sent.size());
                }
            }
        }
        return 0;
    }

    private static void list(List<Listed> letters, PrintStream out) {
        for (Listed listed : letters) {
            DeadLetter letter = listed.letter();
            out.printf(
                    "%s  %-28s %-24s %s%s%n",
                    letter.deadAt(),
                    letter.originalTopic(),
                    letter.customerId(),
                    letter.reason(),
                    listed.replayed() ? "  [replayed]" : "");
        }
        out.printf("%d dead letter(s).%n", letters.size());
    }

    private static void show(List<Listed> letters, PrintStream out) {
        for (Listed listed : letters) {
            DeadLetter letter = listed.letter();
            out.printf("== %s%s%n", letter.position(), listed.replayed() ? " (replayed)" : "");
            out.printf("customer: %s%ndead at:  %s%n", letter.customerId(), letter.deadAt());
            letter.headers().forEach((name, value) -> out.printf("  %s: %s%n", name, value));
            out.printf("value:%n%s%n%n", letter.value());
        }
        out.printf("%d dead letter(s).%n", letters.size());
    }

    private static String localKafka(Path stateDirectory) {
        Path info = stateDirectory.resolve("local-cloud.properties");
        return Files.exists(info) ? LocalCloudInfo.readFrom(info).kafkaBootstrapServers() : "127.0.0.1:9092";
    }

    private static String value(List<String> args, int i) {
        if (i >= args.size()) {
            throw new IllegalArgumentException(args.get(i - 1) + " needs a value");
        }
        return args.get(i);
    }
}
