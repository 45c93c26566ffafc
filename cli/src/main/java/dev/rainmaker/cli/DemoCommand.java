package dev.rainmaker.cli;

import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import dev.rainmaker.events.EventJson;
import dev.rainmaker.events.EventType;
import dev.rainmaker.events.SignupReceived;
import dev.rainmaker.localcloud.kafka.TopicClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ./rainmaker demo}: a few demo customers from sign-up (through the API and the topic in turn) to ready, watched,
 * then everything stopped.
 */
@Command(
        name = "demo",
        description = {
            "Provisions N demo customers on the local cloud and shows them from sign-up to ready.",
            "Starts the local cloud, the four services, status-service (ops console and API: its URL and two users"
                    + " made for the run are printed) and api-service (the SaaS app's door), signs N demo customers"
                    + " up through both doors in turn (POST /v1/customers, then the Kafka topic), shows each"
                    + " customer's progress, prints a table of seconds per stage and stops everything. Logs are in"
                    + " .rainmaker/logs/."
        },
        exitCodeList = {
            "0:every customer reached ready",
            "1:not every customer was ready within --timeout, or the local cloud or a service did not start",
            RainmakerCli.USAGE_ERROR
        })
final class DemoCommand implements Callable<Integer> {

    @Option(
            names = "--customers",
            paramLabel = "N",
            defaultValue = "1",
            converter = OptionValues.PositiveNumber.class,
            description = "how many demo customers sign up (default: ${DEFAULT-VALUE})")
    int customers;

    @Option(
            names = "--timeout",
            paramLabel = "DURATION",
            defaultValue = "5m",
            converter = OptionValues.Length.class,
            description = "how long to wait for every customer to be ready (default: ${DEFAULT-VALUE})")
    Duration timeout;

    @Mixin
    LocalCloudOptions cloud;

    private final Path repository;
    private final PrintStream out;

    DemoCommand(Path repository, PrintStream out) {
        this.repository = repository;
        this.out = out;
    }

    @Override
    public Integer call() {
        String prefix = "demo-" + Long.toString(System.currentTimeMillis() / 1000 % 1_000_000, 36);
        List<SignupReceived> signups = DemoSignups.create(prefix, customers);
        var run = cloud.start(repository, 0, out);
        try (run;
                var kafka = new TopicClient(run.cloud().kafkaBootstrapServers());
                var watcher = new ProgressWatcher(
                        run.cloud().kafkaBootstrapServers(),
                        signups.stream().map(SignupReceived::customerId).toList(),
                        out::println)) {
            out.println(run.describeStatus());
            out.println(run.describeApi());
            ApiClient api = run.apiClient();
            for (int i = 0; i < signups.size(); i++) {
                SignupReceived signup = signups.get(i);
                if (i % 2 == 0) {
                    signUpThroughTheApi(api, signup);
                } else {
                    out.printf("%s: published to %s%n", signup.customerId(), EventType.SIGNUP_RECEIVED.topic());
                    kafka.publish(EventType.SIGNUP_RECEIVED.topic(), signup.customerId(), EventJson.write(signup));
                }
            }
            boolean allReady = watcher.awaitAll(timeout);
            out.println();
            out.print(ProgressTable.render(watcher.customers()));
            long ready = watcher.customers().stream()
                    .filter(CustomerProgress::isReady)
                    .count();
            out.printf("%n%d of %d customer(s) ready.%n", ready, signups.size());
            out.printf(
                    "(the ops console was at %s until this run stopped: ./rainmaker up keeps it)%n", run.statusUrl());
            return allReady ? RainmakerCli.SUCCESS : RainmakerCli.FAILURE;
        }
    }

    private void signUpThroughTheApi(ApiClient api, SignupReceived signup) {
        HttpResponse<String> answer = api.signUp(signup, Optional.of("demo-" + signup.customerId()));
        if (answer.statusCode() != 202) {
            throw new IllegalStateException("POST /v1/customers for " + signup.customerId() + " answered "
                    + answer.statusCode() + ": " + answer.body());
        }
        out.printf(
                "%s: POST /v1/customers answered 202, Location %s%n",
                signup.customerId(), answer.headers().firstValue("Location").orElse("(none)"));
    }
}
