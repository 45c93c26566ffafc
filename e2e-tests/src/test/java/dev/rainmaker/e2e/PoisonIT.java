package dev.rainmaker.e2e;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.rainmaker.cli.ApiClient;
import dev.rainmaker.cli.ApiSettings;
import dev.rainmaker.cli.DemoSignups;
import dev.rainmaker.cli.ServiceProcess;
import dev.rainmaker.e2e.PoisonSignups.Poison;
import dev.rainmaker.events.EventJson;
import dev.rainmaker.events.EventType;
import dev.rainmaker.events.SignupReceived;
import dev.rainmaker.localcloud.LocalPorts;
import dev.rainmaker.localcloud.digitalocean.StandInDroplet;
import dev.rainmaker.localcloud.hosts.SimulatedHost;
import dev.rainmaker.localcloud.kafka.TopicClient;
import dev.rainmaker.localcloud.kafka.TopicClient.TopicRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.assertj.core.api.SoftAssertions;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;

import static org.awaitility.Awaitility.await;

/**
 * Bad input between good: 100 malformed or hostile sign-ups interleaved with 100 good ones (a fifth of them with
 * hostile but valid contact names). The good become ready, the bad are dead-lettered with a reason naming what is
 * wrong, no partition stalls behind a bad record, and no hostile string reaches any host. The same bad ones through
 * api-service are refused at the door with a 4xx naming what is wrong, and none is published.
 */
class PoisonIT {

    private static final int EACH = 100;
    private static final Duration TIMEOUT = Duration.ofMinutes(4);

    @Test
    void goodSignupsBecomeReadyBadOnesAreDeadLetteredWithAReasonAndNoHostileStringReachesAHost() {
        long started = System.nanoTime();
        try (LocalPipeline pipeline = LocalPipeline.start("e2e-poison", 1);
                // As a SaaS app publishing big records would: compressed, above the default 1 MB request size.
                TopicClient publisher = new TopicClient(
                        pipeline.cloud().info().kafkaBootstrapServers(),
                        Map.of(
                                ProducerConfig.COMPRESSION_TYPE_CONFIG,
                                "gzip",
                                ProducerConfig.MAX_REQUEST_SIZE_CONFIG,
                                8 * 1024 * 1024))) {
            List<SignupReceived> good = goodSignups();
            List<Poison> bad = PoisonSignups.create(EACH);
            long published = System.nanoTime();
            for (int i = 0; i < EACH; i++) {
                publisher.publish(
                        EventType.SIGNUP_RECEIVED.topic(),
                        bad.get(i).key(),
                        bad.get(i).value());
                publisher.publish(
                        EventType.SIGNUP_RECEIVED.topic(), good.get(i).customerId(), EventJson.write(good.get(i)));
            }

            Set<String> goodIds = good.stream().map(SignupReceived::customerId).collect(Collectors.toSet());
            Set<String> badKeys = bad.stream().map(Poison::key).collect(Collectors.toSet());
            List<String> refusedAtTheDoor = badOnesThroughTheApi(pipeline, bad);
            try {
                await().atMost(TIMEOUT)
                        .pollInterval(Duration.ofSeconds(2))
                        .until(() -> pipeline.readyRecordsOf(goodIds).size() >= goodIds.size()
                                && deadLettersOf(pipeline, badKeys).size() >= badKeys.size());
            } catch (ConditionTimeoutException e) {
                System.out.printf(
                        "poison: still waiting after %d s; the assertions say for what%n", TIMEOUT.toSeconds());
            }
            System.out.printf(
                    "poison: %d of %d good ready and %d of %d bad dead-lettered %d s after publishing%n",
                    pipeline.readyRecordsOf(goodIds).size(),
                    EACH,
                    deadLettersOf(pipeline, badKeys).size(),
                    EACH,
                    secondsSince(published));

            SoftAssertions softly = new SoftAssertions();
            softly.assertThat(pipeline.readyRecordsOf(goodIds))
                    .extracting(TopicRecord::key)
                    .as("CustomerReady of the good sign-ups")
                    .containsExactlyInAnyOrderElementsOf(goodIds);
            softly.assertThat(deadLettersOf(pipeline, goodIds))
                    .extracting(PoisonIT::describe)
                    .as("dead letters of good sign-ups")
                    .isEmpty();
            everyBadOneDeadLetteredWithAnActionableReason(softly, pipeline, bad);
            noPartitionStalledBehindABadRecord(softly, pipeline, goodIds, badKeys);
            noHostileStringReachedAHost(softly, pipeline);
            softly.assertThat(refusedAtTheDoor)
                    .as("bad sign-ups the API did not refuse as it should")
                    .isEmpty();
            softly.assertThat(pipeline.kafka().readAll(EventType.SIGNUP_RECEIVED.topic()))
                    .as("sign-ups published by api-service")
                    .noneMatch(record -> record.header("rainmaker-app") != null);
            softly.assertAll();
        }
        System.out.printf("poison: %d s in all%n", secondsSince(started));
    }

    /**
     * The same bad sign-ups, POSTed to api-service as a SaaS app would send them: each must be refused with a 4xx and a
     * problem body (RFC 9457); a 422 must name, in the door's own words, what the dead-letter reason names (the door
     * and droplet-service apply the same rules). Returns how each one that was not so refused was answered.
     */
    private static List<String> badOnesThroughTheApi(LocalPipeline pipeline, List<Poison> bad) {
        ApiSettings settings = new ApiSettings(
                List.of(ApiSettings.App.generate("acme", 1000, 1000)),
                URI.create("http://127.0.0.1:" + LocalPorts.free()),
                "nobody",
                "unused");
        ServiceProcess api = pipeline.startApi(1, settings, launch -> launch);
        ApiClient client = new ApiClient(
                URI.create("http://127.0.0.1:" + api.httpPort()),
                settings.app("acme").token());
        List<String> wrong = new ArrayList<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        for (Poison poison : bad) {
            HttpResponse<String> answer =
                    client.signUpAsync(poison.value(), Optional.empty()).join();
            statuses.merge(answer.statusCode(), 1, Integer::sum);
            boolean refused = answer.statusCode() >= 400 && answer.statusCode() < 500;
            boolean problem =
                    answer.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json");
            boolean named = answer.statusCode() != 422
                    || poison.reasonMentions().stream()
                            .allMatch(m -> m.matcher(answer.body()).find());
            if (!refused || !problem || !named) {
                wrong.add(poison.what() + " -> " + answer.statusCode() + " " + abbreviate(answer.body()));
            }
        }
        System.out.printf("poison: %d bad sign-ups through the API answered %s%n", bad.size(), statuses);
        return wrong;
    }

    /** DemoSignups, every fifth with a hostile contact name, which is free text and valid. */
    private static List<SignupReceived> goodSignups() {
        List<SignupReceived> signups = new ArrayList<>(DemoSignups.create("poison-good", EACH));
        for (int i = 0; i < signups.size(); i += 5) {
            SignupReceived s = signups.get(i);
            String name = PoisonSignups.HOSTILE_CONTACT_NAMES.get(i / 5 % PoisonSignups.HOSTILE_CONTACT_NAMES.size());
            signups.set(i, new SignupReceived(s.customerId(), s.email(), name, s.plan(), s.timezone(), s.adminUsers()));
        }
        return signups;
    }

    private static void everyBadOneDeadLetteredWithAnActionableReason(
            SoftAssertions softly, LocalPipeline pipeline, List<Poison> bad) {
        Map<String, TopicRecord> letters =
                deadLettersOf(pipeline, bad.stream().map(Poison::key).collect(Collectors.toSet())).stream()
                        .collect(Collectors.toMap(TopicRecord::key, Function.identity(), (first, again) -> first));
        for (Poison poison : bad) {
            TopicRecord letter = letters.get(poison.key());
            softly.assertThat(letter)
                    .as("dead letter of %s (%s)", poison.key(), poison.what())
                    .isNotNull();
            if (letter == null) {
                continue;
            }
            String reason = letter.header("dead-letter-reason");
            System.out.printf(
                    "poison: %-10s %-40s -> %s: %s%n", poison.key(), poison.what(), letter.topic(), abbreviate(reason));
            softly.assertThat(reason)
                    .as("dead-letter reason of %s (%s)", poison.key(), poison.what())
                    .isNotBlank();
            poison.reasonMentions()
                    .forEach(mention -> softly.assertThat(
                                    reason != null && mention.matcher(reason).find())
                            .as(
                                    "reason for %s (%s) mentions /%s/: %s",
                                    poison.key(), poison.what(), mention, abbreviate(reason))
                            .isTrue());
        }
    }

    /** In every partition holding a bad record, the good records after it completed too. */
    private static void noPartitionStalledBehindABadRecord(
            SoftAssertions softly, LocalPipeline pipeline, Set<String> goodIds, Set<String> badKeys) {
        Set<String> ready =
                pipeline.readyRecordsOf(goodIds).stream().map(TopicRecord::key).collect(Collectors.toSet());
        Map<Integer, List<TopicRecord>> partitions =
                pipeline.kafka().readAll(EventType.SIGNUP_RECEIVED.topic()).stream()
                        .filter(record -> goodIds.contains(record.key()) || badKeys.contains(record.key()))
                        .collect(Collectors.groupingBy(TopicRecord::partition));
        int checked = 0;
        for (var partition : partitions.entrySet()) {
            long firstBad = partition.getValue().stream()
                    .filter(record -> badKeys.contains(record.key()))
                    .mapToLong(TopicRecord::offset)
                    .min()
                    .orElse(Long.MAX_VALUE);
            List<String> goodAfterBad = partition.getValue().stream()
                    .filter(record -> goodIds.contains(record.key()) && record.offset() > firstBad)
                    .map(TopicRecord::key)
                    .toList();
            softly.assertThat(ready)
                    .as("good sign-ups after a bad one in partition %d", partition.getKey())
                    .containsAll(goodAfterBad);
            checked += goodAfterBad.isEmpty() ? 0 : 1;
        }
        System.out.printf("poison: %d partitions had good sign-ups after bad ones%n", checked);
        softly.assertThat(checked)
                .as("partitions where a good sign-up followed a bad one")
                .isPositive();
    }

    private static void noHostileStringReachedAHost(SoftAssertions softly, LocalPipeline pipeline) {
        List<StandInDroplet> droplets = pipeline.cloud().digitalOcean().droplets();
        long commands = 0;
        for (StandInDroplet droplet : droplets) {
            SimulatedHost host = pipeline.cloud().hosts().host(droplet.id());
            commands += host.commands().size();
            softly.assertThat(host.commands())
                    .as("commands received by the host of %s", droplet.name())
                    .noneMatch(command -> command.contains(PoisonSignups.MARKER));
            softly.assertThat(host.state().files.keySet())
                    .as("files on the host of %s", droplet.name())
                    .noneMatch(path -> path.contains(PoisonSignups.MARKER));
        }
        System.out.printf(
                "poison: %d commands on %d hosts checked; none carries a hostile string%n", commands, droplets.size());
    }

    private static List<TopicRecord> deadLettersOf(LocalPipeline pipeline, Set<String> keys) {
        return pipeline.deadLetters().stream()
                .filter(record -> keys.contains(record.key()))
                .toList();
    }

    private static String describe(TopicRecord letter) {
        return letter.topic() + " " + letter.key() + ": " + abbreviate(letter.header("dead-letter-reason"));
    }

    private static String abbreviate(String reason) {
        if (reason == null) {
            return "(no reason)";
        }
        String line = reason.replaceAll("\\p{Cntrl}", "?");
        return line.length() <= 300 ? line : line.substring(0, 300) + "... (" + line.length() + " characters)";
    }

    private static long secondsSince(long nanos) {
        return Duration.ofNanos(System.nanoTime() - nanos).toSeconds();
    }
}
