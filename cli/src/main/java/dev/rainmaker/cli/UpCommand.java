package dev.rainmaker.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import dev.rainmaker.events.EventType;
import dev.rainmaker.localcloud.prometheus.PrometheusInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ./rainmaker up}: the local cloud (with Prometheus, where installed), the four services, status-service and
 * api-service, running until Ctrl-C.
 */
@Command(
        name = "up",
        description = {
            "Starts the local cloud, the four services, status-service (ops console and API; its URL and two users"
                    + " made for the run are printed) and api-service (the SaaS app's HTTP door; its URL and a token"
                    + " made for the run are printed), and keeps them running until Ctrl-C.",
            "Sign customers up with POST /v1/customers, or publish to Kafka at 127.0.0.1:PORT, topic"
                    + " rainmaker.signup-received, key = customer id (README.md). Logs are in .rainmaker/logs/.",
            "Where Prometheus is installed (/usr/bin/prometheus), it runs on a free port of 127.0.0.1 with"
                    + " deploy/prometheus/rules.yaml, scraping every service; its URL and alerts page are printed."
        },
        exitCodeList = {
            "1:the local cloud or a service did not start",
            RainmakerCli.USAGE_ERROR,
            "130:stopped with Ctrl-C, after stopping everything it started"
        })
final class UpCommand implements Callable<Integer> {

    @Option(
            names = "--kafka-port",
            paramLabel = "PORT",
            defaultValue = "9092",
            converter = OptionValues.PositiveNumber.class,
            description = "the port Kafka listens on at 127.0.0.1 (default: ${DEFAULT-VALUE})")
    int kafkaPort;

    @Mixin
    LocalCloudOptions cloud;

    private final Path repository;
    private final PrintStream out;

    UpCommand(Path repository, PrintStream out) {
        this.repository = repository;
        this.out = out;
    }

    @Override
    public Integer call() {
        var run = cloud.start(repository, kafkaPort, out);
        PrometheusInfo prometheus = run.cloud().prometheus();
        out.printf(
                "%nRainmaker is up. Publish sign-ups to Kafka at %s, topic %s, key = customer id.%n"
                        + "Schema: events-schema/src/main/resources/schemas/signup-received.schema.json%n"
                        + "%s%n"
                        + "%s%n"
                        + "%s%n"
                        + "Ctrl-C stops everything.%n",
                run.cloud().kafkaBootstrapServers(),
                EventType.SIGNUP_RECEIVED.topic(),
                run.describeStatus(),
                run.describeApi(),
                prometheus.isRunning()
                        ? "Prometheus: " + prometheus.url().orElseThrow() + " (alerts: "
                                + prometheus.alertsPage().orElseThrow() + "), scraping every service's /q/metrics"
                        : "No Prometheus: " + prometheus.whyNotRunning());
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return RainmakerCli.SUCCESS;
    }
}
