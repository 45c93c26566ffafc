package dev.rainmaker.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import dev.rainmaker.cli.bench.BenchCommand;
import dev.rainmaker.events.EventJson;
import dev.rainmaker.events.EventType;
import dev.rainmaker.events.SignupReceived;
import dev.rainmaker.localcloud.LocalCloud;
import dev.rainmaker.localcloud.hosts.real.RealHosts;
import dev.rainmaker.localcloud.kafka.TopicClient;

/** {@code ./rainmaker demo | up}: Rainmaker on this machine, on its embedded local cloud. */
public final class RainmakerCli {

    private static final String USAGE = """
            usage: ./rainmaker demo [--customers N] [--boot-delay DURATION] [--timeout DURATION] [--hosts KIND]
                   ./rainmaker up   [--kafka-port PORT] [--boot-delay DURATION] [--hosts KIND]
                   ./rainmaker dlq  list | show | replay  (./rainmaker dlq for its options)
                   ./rainmaker bench [--signups N] [--instances 1|2] ...  (./rainmaker bench --help)

              demo  starts the local cloud and the four services, publishes N demo sign-ups (default 1),
                    shows each customer's progress, prints a table, stops everything; exit 0 only if every
                    customer reached ready.
              up    starts the same and keeps running until Ctrl-C; publish sign-ups to Kafka at
                    127.0.0.1:PORT (default 9092), topic rainmaker.signup-received (see README.md).

              KIND: auto (default: real Debian 12 machines where this machine can run them, that is Linux,
                    root and the tools installable; simulated hosts otherwise), real, or simulated.
              DURATION: 500ms, 2s, 5m. Defaults: --boot-delay 2s, --timeout 5m.
            """;

    private RainmakerCli() {}

    public static void main(String[] args) {
        Path repository = Path.of(System.getProperty("rainmaker.home", ".")).toAbsolutePath();
        if (args.length > 0 && args[0].equals("dlq")) {
            try {
                System.exit(DeadLetterCommand.run(
                        List.of(args).subList(1, args.length), repository.resolve(".rainmaker"), System.out));
            } catch (IllegalArgumentException e) {
                System.err.println(e.getMessage());
                System.err.print(DeadLetterCommand.USAGE);
                System.exit(2);
            }
        }
        if (args.length > 0 && args[0].equals("bench")) {
            try {
                System.exit(BenchCommand.run(List.of(args).subList(1, args.length), repository, System.out));
            } catch (IllegalArgumentException e) {
                System.err.println(e.getMessage());
                System.err.print(BenchCommand.USAGE);
                System.exit(2);
            }
        }
        if (args.length == 0 || !List.of("demo", "up").contains(args[0])) {
            System.err.print(USAGE);
            System.exit(2);
        }
        CliOptions options;
        try {
            options = CliOptions.parse(List.of(args).subList(1, args.length));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        int status;
        try {
            status = args[0].equals("demo") ? demo(repository, options) : up(repository, options);
        } catch (IllegalStateException e) {
            System.err.println(e.getMessage());
            status = 1;
        }
        System.exit(status);
    }

    static int demo(Path repository, CliOptions options) {
        String prefix = "demo-" + Long.toString(System.currentTimeMillis() / 1000 % 1_000_000, 36);
        List<SignupReceived> signups = DemoSignups.create(prefix, options.customers());
        var run = LocalRun.start(
                new LocalRun.Options(
                        repository, repository.resolve(".rainmaker"), 0, options.bootDelay(), hosts(options)),
                System.out::println);
        try (run;
                var kafka = new TopicClient(run.cloud().kafkaBootstrapServers());
                var watcher = new ProgressWatcher(
                        run.cloud().kafkaBootstrapServers(),
                        signups.stream().map(SignupReceived::customerId).toList(),
                        System.out::println)) {
            System.out.printf("publishing %d sign-up(s) to %s%n", signups.size(), EventType.SIGNUP_RECEIVED.topic());
            signups.forEach(signup ->
                    kafka.publish(EventType.SIGNUP_RECEIVED.topic(), signup.customerId(), EventJson.write(signup)));
            boolean allReady = watcher.awaitAll(options.timeout());
            System.out.println();
            System.out.print(ProgressTable.render(watcher.customers()));
            long ready = watcher.customers().stream()
                    .filter(CustomerProgress::isReady)
                    .count();
            System.out.printf("%n%d of %d customer(s) ready.%n", ready, signups.size());
            return allReady ? 0 : 1;
        }
    }

    static int up(Path repository, CliOptions options) {
        var run = LocalRun.start(
                new LocalRun.Options(
                        repository,
                        repository.resolve(".rainmaker"),
                        options.kafkaPort(),
                        options.bootDelay(),
                        hosts(options)),
                System.out::println);
        System.out.printf(
                "%nRainmaker is up. Publish sign-ups to Kafka at %s, topic %s, key = customer id.%n"
                        + "Schema: events-schema/src/main/resources/schemas/signup-received.schema.json%n"
                        + "Ctrl-C stops everything.%n",
                run.cloud().kafkaBootstrapServers(), EventType.SIGNUP_RECEIVED.topic());
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /** Real or simulated hosts, printed with the reason before anything starts. */
    private static LocalCloud.HostKind hosts(CliOptions options) {
        HostChoice choice = HostChoice.decide(options.hosts(), RealHosts.availability());
        System.out.println(choice.describe());
        return choice.kind();
    }

    /** A duration option such as {@code 500ms}, {@code 2s} or {@code 5m}. */
    public static Duration duration(String name, String value) {
        return CliOptions.duration(name, value);
    }

    /** A positive whole-number option. */
    public static int positive(String name, String value) {
        return CliOptions.positive(name, value);
    }

    /** Parsed options of {@code demo} and {@code up}. */
    record CliOptions(int customers, Duration bootDelay, Duration timeout, int kafkaPort, HostChoice.Wanted hosts) {

        static CliOptions parse(List<String> args) {
            int customers = 1;
            Duration bootDelay = Duration.ofSeconds(2);
            Duration timeout = Duration.ofMinutes(5);
            int kafkaPort = 9092;
            HostChoice.Wanted hosts = HostChoice.Wanted.AUTO;
            for (int i = 0; i < args.size(); i++) {
                String name = args.get(i);
                if (i + 1 >= args.size()) {
                    throw new IllegalArgumentException(name + " needs a value");
                }
                String value = args.get(++i);
                switch (name) {
                    case "--customers" -> customers = positive(name, value);
                    case "--boot-delay" -> bootDelay = duration(name, value);
                    case "--timeout" -> timeout = duration(name, value);
                    case "--kafka-port" -> kafkaPort = positive(name, value);
                    case "--hosts" -> hosts = HostChoice.Wanted.parse(value);
                    default -> throw new IllegalArgumentException("unknown option " + name);
                }
            }
            return new CliOptions(customers, bootDelay, timeout, kafkaPort, hosts);
        }

        static Duration duration(String name, String value) {
            var matcher = java.util.regex.Pattern.compile("(\\d+)(ms|s|m)").matcher(value);
            if (!matcher.matches()) {
                throw new IllegalArgumentException(name + " takes a duration such as 500ms, 2s or 5m, not " + value);
            }
            long amount = Long.parseLong(matcher.group(1));
            return switch (matcher.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                default -> Duration.ofMinutes(amount);
            };
        }

        static int positive(String name, String value) {
            try {
                int number = Integer.parseInt(value);
                if (number > 0) {
                    return number;
                }
            } catch (NumberFormatException e) {
                // falls through to the message below
            }
            throw new IllegalArgumentException(name + " takes a positive whole number, not " + value);
        }
    }
}
