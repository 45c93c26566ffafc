package dev.rainmaker.cli.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import dev.rainmaker.cli.CustomerProgress;
import dev.rainmaker.cli.DemoSignups;
import dev.rainmaker.cli.LocalCloudProcess;
import dev.rainmaker.cli.OptionValues;
import dev.rainmaker.cli.ProgressWatcher;
import dev.rainmaker.cli.RainmakerCli;
import dev.rainmaker.cli.StatusUsers;
import dev.rainmaker.events.EventJson;
import dev.rainmaker.events.EventType;
import dev.rainmaker.events.SignupReceived;
import dev.rainmaker.localcloud.LocalCloudRecord;
import dev.rainmaker.localcloud.hosts.SessionLog.RecordedSession;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./rainmaker bench}: a burst of sign-ups through the local cloud and the services, then the floor (the same
 * irreducible work without services) on the same machine, and one table of figures.
 */
@Command(
        name = "bench",
        description = {
            "Measures a burst of N sign-ups through the services against the floor: docs/benchmarks.md.",
            "Publishes N sign-ups at once to the local cloud and the services, shows progress every few seconds,"
                    + " then runs the floor (the same work without services) and prints a table of figures."
        },
        exitCodeList = {
            "0:every sign-up reached ready and the floor ran",
            "1:not every sign-up was ready within --timeout, no SSH session was recorded for the floor, or a start"
                    + " failed",
            RainmakerCli.USAGE_ERROR
        })
public final class BenchCommand implements Callable<Integer> {

    private static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(5);
    private static final String FLOOR_CLOUD = "floor-cloud";
    private static final Duration WARM_UP_TIMEOUT = Duration.ofMinutes(3);
    /** Time for the subscriptions to status-service's events to be in place; and the quiet that ends its trail. */
    private static final Duration STATUS_SUBSCRIBED = Duration.ofSeconds(2);

    @Option(
            names = "--signups",
            paramLabel = "N",
            defaultValue = "1000",
            converter = OptionValues.PositiveNumber.class,
            description = "how many sign-ups are published at once (default: ${DEFAULT-VALUE})")
    int signups;

    @Option(
            names = "--instances",
            paramLabel = "1|2",
            defaultValue = "1",
            converter = BenchOptions.OneOrTwo.class,
            description = "processes of each service (default: ${DEFAULT-VALUE})")
    int instances;

    @Option(
            names = "--boot-delay",
            paramLabel = "DURATION",
            defaultValue = "0s",
            converter = OptionValues.Length.class,
            description = "how long a droplet takes to boot: 500ms, 2s, 5m, PT5M (default: ${DEFAULT-VALUE})")
    Duration bootDelay;

    @Option(
            names = "--do-limits",
            paramLabel = "real|off",
            defaultValue = "real",
            converter = BenchOptions.RealOrOff.class,
            description = "DigitalOcean's rate limits in its stand-in, or none (default: ${DEFAULT-VALUE})")
    String doLimits;

    @Option(
            names = "--via",
            paramLabel = "kafka|api",
            defaultValue = "kafka",
            converter = BenchOptions.KafkaOrApi.class,
            description = "the door the burst comes through: straight to the topic, or POST /v1/customers to"
                    + " api-service with " + ApiBurst.CLIENTS + " requests at once, measured against publishing the"
                    + " same sign-ups straight to Kafka (default: ${DEFAULT-VALUE})")
    String via;

    @Option(
            names = "--timeout",
            paramLabel = "DURATION",
            defaultValue = "20m",
            converter = OptionValues.Length.class,
            description = "how long to wait for the burst, and for the floor (default: ${DEFAULT-VALUE})")
    Duration timeout;

    private final Path repository;
    private final PrintStream out;

    public BenchCommand(Path repository, PrintStream out) {
        this.repository = repository;
        this.out = out;
    }

    BenchOptions options() {
        return new BenchOptions(signups, instances, bootDelay, doLimits, timeout, via);
    }

    @Override
    public Integer call() {
        BenchOptions options = options();
        Path state = repository.resolve(".rainmaker");
        String prefix = "bench-" + Long.toString(System.currentTimeMillis() / 1000 % 1_000_000, 36);
        List<SignupReceived> signups = DemoSignups.create(prefix, options.signups());
        List<String> ids = signups.stream().map(SignupReceived::customerId).toList();

        PipelineRun run = PipelineRun.start(repository, state, options, out::println);
        List<SignupReceived> warmUp = WarmUp.signups(prefix + "-warm");
        try {
            warmUp(run, warmUp, options, out);
        } catch (RuntimeException e) {
            run.stop();
            throw e;
        }
        Instant published;
        boolean allReady;
        Collection<CustomerProgress> customers;
        Map<String, ProcessUsage> usage;
        LocalCloudRecord record;
        StatusLag.Figures statusLag;
        try (var watcher = new ProgressWatcher(run.cloud().kafkaBootstrapServers(), ids, line -> {});
                var lag = StatusLag.follow(
                        run.statusPorts(), StatusUsers.VIEWER, run.statusUsers().viewerPassword(), ids)) {
            StatusLag.sleep(STATUS_SUBSCRIBED);
            Optional<DirectPublish.Figures> direct = options.viaApi()
                    ? Optional.of(DirectPublish.measure(run.cloud().kafkaBootstrapServers(), signups))
                    : Optional.empty();
            published = Instant.now();
            if (options.viaApi()) {
                ApiBurst.Figures api = ApiBurst.post(run.apiClient(), signups);
                out.println("through the API: " + api.describe());
                out.println("straight to Kafka (a topic nothing reads, just before): "
                        + direct.orElseThrow().describe());
            } else {
                publish(run.cloud().kafkaBootstrapServers(), signups);
            }
            out.printf("published %d sign-ups in %.2f s%n", signups.size(), seconds(published, Instant.now()));
            Instant deadline = published.plus(options.timeout());
            allReady = false;
            while (!allReady && Instant.now().isBefore(deadline)) {
                allReady = watcher.awaitAll(PROGRESS_INTERVAL);
                out.println(progressLine(published, signups.size(), watcher.customers()));
                if (watcher.customers().stream().allMatch(CustomerProgress::isDone)) {
                    break;
                }
            }
            customers = List.copyOf(watcher.customers());
            statusLag = lag.awaitQuiet(STATUS_SUBSCRIBED);
            usage = run.usage();
            run.restartEach(out::println);
        } finally {
            record = run.stop();
        }
        out.println("pipeline done; running the floor (the same work without services) ...");
        List<List<RecordedSession>> sessions =
                new ArrayList<>(record.sessionsPerDroplet().values());
        sessions.removeIf(List::isEmpty);
        if (sessions.isEmpty()) {
            out.println("no SSH session was recorded: nothing for the floor to replay");
            return RainmakerCli.FAILURE;
        }
        LocalCloudProcess floorCloud = PipelineRun.startLocalCloud(state, FLOOR_CLOUD, options);
        FloorRun.Result floor;
        ProcessUsage floorCloudUsage;
        try {
            floor = FloorRun.run(
                    floorCloud.info(),
                    sessions,
                    ids,
                    BenchSettings.HOSTS_AT_ONCE * options.instances(),
                    options.timeout());
            floorCloudUsage = ProcessUsage.of(floorCloud.pid());
        } catch (RuntimeException e) {
            floorCloud.close();
            throw e;
        }
        LocalCloudRecord floorRecord = floorCloud.stop(PipelineRun.recordFile(state, FLOOR_CLOUD));
        BenchFigures figures = new BenchFigures(
                options,
                published,
                customers,
                usage,
                run.services(),
                record,
                warmUp.size(),
                new BenchFigures.Floor(floor, floorCloudUsage, floorRecord),
                statusLag);
        out.println();
        out.print(figures.table().render());
        return allReady ? RainmakerCli.SUCCESS : RainmakerCli.FAILURE;
    }

    private static void warmUp(PipelineRun run, List<SignupReceived> warmUp, BenchOptions options, PrintStream out) {
        out.printf("warm-up: %d customers, one per partition, before the burst ...%n", warmUp.size());
        List<String> ids = warmUp.stream().map(SignupReceived::customerId).toList();
        String bootstrap = run.cloud().kafkaBootstrapServers();
        try (var watcher = new ProgressWatcher(bootstrap, ids, line -> {})) {
            Instant start = Instant.now();
            if (options.viaApi()) {
                ApiBurst.Figures api = ApiBurst.post(run.apiClient(), warmUp);
                if (!api.refused().isEmpty()) {
                    throw new IllegalStateException("api-service refused warm-up sign-ups: " + api.refused());
                }
            } else {
                publish(bootstrap, warmUp);
            }
            Duration timeout = options.bootDelay().plus(WARM_UP_TIMEOUT);
            if (!watcher.awaitAll(timeout)) {
                throw new IllegalStateException("the warm-up customers were not all ready within " + timeout.toSeconds()
                        + " s: " + progressLine(start, warmUp.size(), watcher.customers()));
            }
            out.printf("warm-up: all ready after %.1f s%n", seconds(start, Instant.now()));
        }
    }

    private static void publish(String bootstrap, List<SignupReceived> signups) {
        try (var producer = new KafkaProducer<String, String>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            signups.forEach(signup -> producer.send(new ProducerRecord<>(
                    EventType.SIGNUP_RECEIVED.topic(), signup.customerId(), EventJson.write(signup))));
            producer.flush();
        }
    }

    static String progressLine(Instant published, int signups, Collection<CustomerProgress> customers) {
        StringBuilder line =
                new StringBuilder(String.format("[%6.1fs] published %d", seconds(published, Instant.now()), signups));
        for (EventType type : BenchFigures.STAGES) {
            long seen = customers.stream().filter(c -> c.secondsFor(type) >= 0).count();
            line.append(", ")
                    .append(type.topic().substring("rainmaker.".length()))
                    .append(' ')
                    .append(seen);
        }
        long failed = customers.stream().filter(c -> c.failure() != null).count();
        return line.append(", failed ").append(failed).toString();
    }

    static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 1000.0;
    }
}
