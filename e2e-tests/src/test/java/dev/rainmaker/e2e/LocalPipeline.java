package dev.rainmaker.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.rainmaker.cli.AotTraining;
import dev.rainmaker.cli.ApiSettings;
import dev.rainmaker.cli.PipelineServices;
import dev.rainmaker.cli.ServiceLaunch;
import dev.rainmaker.cli.ServiceProcess;
import dev.rainmaker.cli.StatusUsers;
import dev.rainmaker.events.EventType;
import dev.rainmaker.localcloud.LocalCloud;
import dev.rainmaker.localcloud.digitalocean.StandInDroplet;
import dev.rainmaker.localcloud.kafka.KafkaBroker;
import dev.rainmaker.localcloud.kafka.TopicClient;
import dev.rainmaker.localcloud.kafka.TopicClient.TopicRecord;
import dev.rainmaker.localcloud.prometheus.ScrapeTargets;
import dev.rainmaker.localcloud.smtp.ReceivedMail;

/**
 * The local cloud in this JVM and the four packaged services as processes, as the e2e tests share them: every event
 * and dead-letter topic created up front, {@code instances} processes per service, status-service and api-service
 * instances on request ({@link #startStatus}, {@link #startApi}), and what the tests read back.
 */
final class LocalPipeline implements AutoCloseable {

    private final Path logs;
    private final LocalCloud cloud;
    private final TopicClient kafka;
    private final List<ServiceProcess> services;
    private final Optional<ScrapeTargets> scraped;

    private LocalPipeline(Path logs, LocalCloud cloud, TopicClient kafka, List<ServiceProcess> services) {
        this.logs = logs;
        this.cloud = cloud;
        this.kafka = kafka;
        this.services = services;
        this.scraped = cloud.info().prometheus().targetsFile().map(ScrapeTargets::in);
    }

    /** Everything up and every service ready, with simulated hosts booting one second after a droplet is created. */
    static LocalPipeline start(String name, int instances) {
        return start(name, instances, cloud -> {}, UnaryOperator.identity());
    }

    /**
     * @param name the directory under {@code e2e-tests/target} for state and logs
     * @param instances processes per service
     * @param beforeServices what to do with the local cloud before any service starts (knobs, faults)
     * @param launchSettings changes to each service's launch (e.g. test timings)
     */
    static LocalPipeline start(
            String name,
            int instances,
            Consumer<LocalCloud> beforeServices,
            UnaryOperator<ServiceLaunch> launchSettings) {
        return start(name, instances, Duration.ofSeconds(1), beforeServices, launchSettings);
    }

    /** The same, with droplets that take {@code bootDelay} to boot. */
    static LocalPipeline start(
            String name,
            int instances,
            Duration bootDelay,
            Consumer<LocalCloud> beforeServices,
            UnaryOperator<ServiceLaunch> launchSettings) {
        return start(name, instances, bootDelay, UnaryOperator.identity(), beforeServices, launchSettings);
    }

    /**
     * The same, with the local cloud's options changed by {@code cloudOptions} (a Prometheus, say: every service is
     * then added to its scrape targets as it starts).
     */
    static LocalPipeline start(
            String name,
            int instances,
            Duration bootDelay,
            UnaryOperator<LocalCloud.Options> cloudOptions,
            Consumer<LocalCloud> beforeServices,
            UnaryOperator<ServiceLaunch> launchSettings) {
        Path repository = repository();
        Path state = createDirectories(repository.resolve("e2e-tests/target").resolve(name));
        Path logs = state.resolve("logs");
        LocalCloud cloud = startCloud(state, bootDelay, cloudOptions);
        TopicClient kafka = new TopicClient(cloud.info().kafkaBootstrapServers());
        beforeServices.accept(cloud);
        List<ServiceProcess> services = new ArrayList<>();
        LocalPipeline pipeline = new LocalPipeline(logs, cloud, kafka, services);
        try {
            AotTraining.trainStale(repository, cloud.info(), logs, PipelineServices.ALL, System.out::println);
            for (int instance = 1; instance <= instances; instance++) {
                for (ServiceLaunch launch : PipelineServices.launches(repository, cloud.info(), logs, instance)) {
                    ServiceLaunch configured = launchSettings.apply(launch);
                    services.add(ServiceProcess.start(configured));
                    pipeline.scrape(configured);
                }
            }
            for (ServiceProcess service : services) {
                service.awaitReady(Duration.ofSeconds(120));
            }
        } catch (RuntimeException e) {
            pipeline.close();
            throw e;
        }
        return pipeline;
    }

    /**
     * The local cloud alone, its state in {@code state}, droplets booting in {@code bootDelay}, its options changed by
     * {@code cloudOptions}, with every event and dead-letter topic created: for tests that run the services otherwise
     * (from their images, say).
     */
    static LocalCloud startCloud(Path state, Duration bootDelay, UnaryOperator<LocalCloud.Options> cloudOptions) {
        LocalCloud cloud = LocalCloud.start(cloudOptions.apply(LocalCloud.Options.forTests(state, bootDelay)));
        try (TopicClient topics = new TopicClient(cloud.info().kafkaBootstrapServers())) {
            topics.createTopics(
                    Stream.of(EventType.values())
                            .flatMap(type -> Stream.of(type.topic(), type.deadLetterTopic()))
                            .toList(),
                    KafkaBroker.DEFAULT_PARTITIONS);
        }
        return cloud;
    }

    /** The repository whose packaged services run. */
    static Path repository() {
        return Path.of(System.getProperty("rainmaker.home", "..")).toAbsolutePath();
    }

    LocalCloud cloud() {
        return cloud;
    }

    TopicClient kafka() {
        return kafka;
    }

    Path logs() {
        return logs;
    }

    /**
     * Starts one more instance of status-service (whose view, kept under this pipeline's state directory, belongs to
     * this run's broker) with the given users, scraped by the local cloud's Prometheus if it runs one, and waits until
     * it is ready; it is stopped with the pipeline.
     */
    ServiceProcess startStatus(int instance, StatusUsers users, UnaryOperator<ServiceLaunch> launchSettings) {
        if (instance == 1) {
            PipelineServices.forgetStatusViews(logs);
        }
        ServiceLaunch launch = users.applyTo(launchSettings.apply(
                PipelineServices.launch(repository(), cloud.info(), logs, PipelineServices.STATUS_SERVICE, instance)));
        ServiceProcess status = ServiceProcess.start(launch);
        scrape(launch);
        synchronized (services) {
            services.add(status);
        }
        status.awaitReady(Duration.ofSeconds(120));
        return status;
    }

    /**
     * Starts an instance of api-service with the given settings (its apps, and the status-service it reads states
     * from), scraped like the others, and waits until it is ready (its sign-up ledger read to the end); it is stopped
     * with the pipeline.
     */
    ServiceProcess startApi(int instance, ApiSettings settings, UnaryOperator<ServiceLaunch> launchSettings) {
        ServiceLaunch launch = launchSettings.apply(settings.applyTo(
                PipelineServices.launch(repository(), cloud.info(), logs, PipelineServices.API_SERVICE, instance)));
        ServiceProcess api = ServiceProcess.start(launch);
        scrape(launch);
        synchronized (services) {
            services.add(api);
        }
        api.awaitReady(Duration.ofSeconds(120));
        return api;
    }

    private void scrape(ServiceLaunch launch) {
        scraped.ifPresent(targets -> targets.add(PipelineServices.serviceOf(launch), launch.name(), launch.httpPort()));
    }

    /** The service processes, in start order; a test that restarts one replaces it here. */
    List<ServiceProcess> services() {
        return services;
    }

    List<TopicRecord> recordsOf(String topic, Set<String> customers) {
        return kafka.readAll(topic).stream()
                .filter(record -> customers.contains(record.key()))
                .toList();
    }

    /** {@code CustomerReady} records of the customers as a {@code read_committed} consumer sees them. */
    List<TopicRecord> readyRecordsOf(Set<String> customers) {
        return kafka.readCommitted(EventType.CUSTOMER_READY.topic()).stream()
                .filter(record -> customers.contains(record.key()))
                .toList();
    }

    List<StandInDroplet> dropletsOf(String customerId) {
        return cloud.digitalOcean().droplets().stream()
                .filter(droplet -> droplet.name().equals("rm-" + customerId))
                .toList();
    }

    List<ReceivedMail> mailsTo(String address) {
        return cloud.smtp().receivedMessages().stream()
                .filter(mail -> mail.to().contains(address))
                .toList();
    }

    /** The customers among {@code customers} with a committed {@code CustomerReady}. */
    Set<String> readyCustomers(Set<String> customers) {
        return readyRecordsOf(customers).stream().map(TopicRecord::key).collect(Collectors.toSet());
    }

    /**
     * Prints, per event topic, the customers' records and how many of them repeat one (a redelivery the next stage
     * absorbed, a producer's retry), each line led by {@code prefix}.
     */
    void printRecordsPerTopic(String prefix, Set<String> customers) {
        for (EventType type : EventType.values()) {
            List<TopicRecord> records = recordsOf(type.topic(), customers);
            long distinct = records.stream().map(TopicRecord::key).distinct().count();
            System.out.printf(
                    "%s: %-28s %4d records for %d customers (%d repeated)%n",
                    prefix, type.topic(), records.size(), distinct, records.size() - distinct);
        }
    }

    /** Every dead letter, whoever it belongs to, as "topic key: reason". */
    List<String> deadLetterReasons() {
        return deadLetters().stream()
                .map(record -> record.topic() + " " + record.key() + ": " + record.header("dead-letter-reason"))
                .toList();
    }

    /** Every record of every dead-letter topic, whoever it belongs to. */
    List<TopicRecord> deadLetters() {
        return Stream.of(EventType.values())
                .flatMap(type -> kafka.readAll(type.deadLetterTopic()).stream())
                .toList();
    }

    @Override
    public void close() {
        synchronized (services) {
            services.forEach(ServiceProcess::stopSoon);
            services.forEach(ServiceProcess::close);
        }
        kafka.close();
        cloud.close();
    }

    private static Path createDirectories(Path directory) {
        try {
            return Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
