package dev.rainmaker.cli;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

import dev.rainmaker.localcloud.LocalCloud;
import dev.rainmaker.localcloud.LocalCloudInfo;
import dev.rainmaker.localcloud.prometheus.ScrapeTargets;

/**
 * Rainmaker running on this machine: the local cloud as one process, the four services, status-service (the ops
 * console and API, with two users made for the run) and api-service (the SaaS app's door, with one app and its token
 * made for the run) as six more, each logging to {@code <state>/logs/}. Closing it
 * stops them all, services first; so does the end of this JVM (Ctrl-C, SIGTERM). Where Prometheus is installed, the
 * local cloud runs one with the repository's alerting rules ({@link #RULES}), and each service is added to its scrape
 * targets as it starts.
 */
public final class LocalRun implements AutoCloseable {

    /** The alerting and recording rules production loads, relative to the repository. */
    public static final Path RULES = Path.of("deploy/prometheus/rules.yaml");

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    /** Real hosts may install tools and build their base image first (a few minutes, once a fortnight). */
    private static final Duration REAL_HOSTS_START_TIMEOUT = Duration.ofMinutes(10);

    /** The SaaS app that may call api-service in a local run. */
    public static final String APP = "saas";

    private final LocalCloudProcess localCloud;
    private final List<ServiceProcess> services;
    private final StatusUsers statusUsers;
    private final int statusPort;
    private final ApiSettings apiSettings;
    private final int apiPort;
    private boolean closed;

    private LocalRun(
            LocalCloudProcess localCloud,
            List<ServiceProcess> services,
            StatusUsers statusUsers,
            int statusPort,
            ApiSettings apiSettings,
            int apiPort) {
        this.localCloud = localCloud;
        this.services = services;
        this.statusUsers = statusUsers;
        this.statusPort = statusPort;
        this.apiSettings = apiSettings;
        this.apiPort = apiPort;
    }

    public record Options(
            Path repository,
            Path stateDirectory,
            int kafkaPort,
            int brokers,
            Duration bootDelay,
            LocalCloud.HostKind hosts) {}

    public static LocalRun start(Options options, Consumer<String> report) {
        Path logs = options.stateDirectory().resolve("logs");
        report.accept("starting the local cloud (Kafka, DigitalOcean stand-in, hosts, SMTP, Prometheus); log: "
                + logs.resolve("local-cloud.log"));
        List<String> arguments = new ArrayList<>(List.of(
                "--kafka-port",
                String.valueOf(options.kafkaPort()),
                "--brokers",
                String.valueOf(options.brokers()),
                "--boot-delay",
                options.bootDelay().toMillis() + "ms",
                "--hosts",
                options.hosts().name().toLowerCase(Locale.ROOT)));
        Path rules = options.repository().resolve(RULES);
        if (Files.isRegularFile(rules)) {
            arguments.addAll(List.of("--prometheus-rules", rules.toString()));
        } else {
            report.accept("no Prometheus: " + rules + " is missing");
        }
        LocalCloudProcess localCloud = LocalCloudProcess.start(
                options.stateDirectory(),
                "local-cloud",
                arguments,
                "768m",
                options.hosts() == LocalCloud.HostKind.SIMULATED ? START_TIMEOUT : REAL_HOSTS_START_TIMEOUT);
        LocalCloudInfo cloud = localCloud.info();
        List<ServiceProcess> services = new ArrayList<>();
        try {
            report.accept("local cloud up: " + cloud);
            AotTraining.trainStale(options.repository(), cloud, logs, PipelineServices.ALL, report);
            PipelineServices.forgetStatusViews(logs);
            StatusUsers statusUsers = StatusUsers.generate();
            int statusPort = 0;
            Optional<ScrapeTargets> scraped = cloud.prometheus().targetsFile().map(ScrapeTargets::in);
            for (ServiceLaunch planned :
                    PipelineServices.launches(options.repository(), cloud, logs, 1, PipelineServices.WITH_STATUS)) {
                boolean isStatus = PipelineServices.serviceOf(planned).equals(PipelineServices.STATUS_SERVICE);
                ServiceLaunch launch = isStatus ? statusUsers.applyTo(planned) : planned;
                if (isStatus) {
                    statusPort = launch.httpPort();
                }
                services.add(ServiceProcess.start(launch));
                scraped.ifPresent(
                        targets -> targets.add(PipelineServices.serviceOf(launch), launch.name(), launch.httpPort()));
            }
            for (ServiceProcess service : services) {
                service.awaitReady(START_TIMEOUT);
                report.accept(service.name() + " ready; log: " + service.logFile());
            }
            ApiSettings apiSettings = new ApiSettings(
                    List.of(ApiSettings.App.generate(APP, 100, 200)),
                    URI.create("http://127.0.0.1:" + statusPort),
                    StatusUsers.VIEWER,
                    statusUsers.viewerPassword());
            ServiceLaunch api = apiSettings.applyTo(
                    PipelineServices.launch(options.repository(), cloud, logs, PipelineServices.API_SERVICE, 1));
            ServiceProcess apiProcess = ServiceProcess.start(api);
            services.add(apiProcess);
            scraped.ifPresent(targets -> targets.add(PipelineServices.API_SERVICE, api.name(), api.httpPort()));
            apiProcess.awaitReady(START_TIMEOUT);
            report.accept(apiProcess.name() + " ready; log: " + apiProcess.logFile());
            LocalRun run = new LocalRun(localCloud, services, statusUsers, statusPort, apiSettings, api.httpPort());
            Runtime.getRuntime().addShutdownHook(new Thread(run::close, "rainmaker-stop"));
            return run;
        } catch (RuntimeException e) {
            services.forEach(ServiceProcess::close);
            localCloud.close();
            throw e;
        }
    }

    public LocalCloudInfo cloud() {
        return localCloud.info();
    }

    public List<ServiceProcess> services() {
        return services;
    }

    /** Where the ops console and the status API answer. */
    public String statusUrl() {
        return "http://127.0.0.1:" + statusPort + "/";
    }

    /** The ops console's address and its two users for this run, for the person who started it. */
    public String describeStatus() {
        return "ops console and status API: " + statusUrl() + "\n"
                + "  user " + StatusUsers.OPS + " (operator: may replay dead letters), password "
                + statusUsers.opsPassword() + "\n"
                + "  user " + StatusUsers.VIEWER + " (viewer: reads only), password " + statusUsers.viewerPassword();
    }

    /** Where the SaaS app's API answers. */
    public String apiUrl() {
        return "http://127.0.0.1:" + apiPort + "/";
    }

    /** A client of api-service as this run's app. */
    public ApiClient apiClient() {
        return new ApiClient(URI.create(apiUrl()), apiSettings.app(APP).token());
    }

    /** The SaaS app's API, its documents and the app's token for this run, for the person who started it. */
    public String describeApi() {
        return "SaaS API (api-service): " + apiUrl() + "v1/customers; OpenAPI " + apiUrl() + "q/openapi, Swagger UI "
                + apiUrl() + "q/swagger-ui\n"
                + "  app " + APP + ", bearer token " + apiSettings.app(APP).token();
    }

    /** Stops everything; a second caller (the shutdown hook during a normal stop) waits until it is done. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            services.forEach(ServiceProcess::stopSoon);
            services.forEach(ServiceProcess::close);
            localCloud.close();
        }
    }
}
