package dev.rainmaker.cli.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import dev.rainmaker.cli.CustomerProgress;
import dev.rainmaker.cli.PipelineServices;
import dev.rainmaker.events.EventType;
import dev.rainmaker.localcloud.LocalCloudRecord;

/** The benchmark's figures from what was measured, as one table. */
record BenchFigures(
        BenchOptions options,
        Instant published,
        Collection<CustomerProgress> customers,
        Map<String, ProcessUsage> usage,
        List<PipelineRun.Service> services,
        LocalCloudRecord record,
        int warmUpCustomers,
        Floor floor,
        StatusLag.Figures statusLag) {

    /** The floor's run: its client's result, and what its own local cloud used and served. */
    record Floor(FloorRun.Result run, ProcessUsage cloudUsage, LocalCloudRecord served) {}

    /** The steps after the sign-up, each timed from the one before it. */
    static final List<EventType> STAGES = List.of(
            EventType.DROPLET_REQUESTED,
            EventType.DROPLET_ACTIVE,
            EventType.HOST_HARDENED,
            EventType.STACK_INSTALLED,
            EventType.CUSTOMER_READY);

    FigureTable table() {
        int signups = options.signups();
        long ready = customers.stream().filter(CustomerProgress::isReady).count();
        long failed = customers.stream().filter(c -> c.failure() != null).count();
        double allReady = customers.stream()
                        .filter(CustomerProgress::isReady)
                        .mapToDouble(c -> c.readyAtMillis() / 1000.0)
                        .max()
                        .orElse(Double.NaN)
                - published.toEpochMilli() / 1000.0;
        FigureTable table = new FigureTable()
                .add("sign-ups", String.valueOf(signups))
                .add("instances per service", String.valueOf(options.instances()))
                .add("boot delay; DigitalOcean limits", options.bootDelay().toMillis() + " ms; " + options.doLimits())
                .add("ready; failed", ready + "; " + failed)
                .add("time until all ready", ready == signups ? String.format("%.1f s", allReady) : "not all ready")
                .add("customers per second", ready == signups ? String.format("%.1f", signups / allReady) : "-")
                .add("time until all droplets active", allActive());
        for (EventType stage : STAGES) {
            table.add(
                    "p50/p95/p99 " + previous(stage) + " → " + name(stage),
                    Percentiles.of(customers.stream()
                                    .map(c -> c.secondsFor(stage))
                                    .filter(s -> s >= 0)
                                    .toList())
                            .describe());
        }
        table.add(
                "p50/p95/p99 sign-up → ready",
                Percentiles.of(customers.stream()
                                .map(CustomerProgress::totalSeconds)
                                .filter(s -> s >= 0)
                                .toList())
                        .describe());
        int provisioned = signups + warmUpCustomers;
        table.add(
                        "DigitalOcean API calls (per customer), warm-up included",
                        String.format("%d (%.3f)", record.apiCalls(), (double) record.apiCalls() / provisioned))
                .add("429s received", String.valueOf(record.rateLimited()));
        table.add(
                "SSH sessions; exec commands (per customer), warm-up included",
                String.format(
                        "%d; %d (%.1f; %.1f)",
                        sessions(record),
                        commands(record),
                        (double) sessions(record) / provisioned,
                        (double) commands(record) / provisioned));
        for (PipelineRun.Service service : services) {
            ProcessUsage used = usage.get(service.process().name());
            table.add(
                    service.process().name() + ": start, restart; CPU; peak RSS",
                    String.format(
                            "%s, %s; %.1f s; %.0f MiB",
                            seconds(service.firstStart()),
                            service.restart().map(BenchFigures::seconds).orElse("-"),
                            used.cpuSeconds(),
                            used.peakRssMib()));
        }
        table.add(
                "p50/p95/p99 status-service lag, event → in the API (entries)",
                statusLag.all().describe() + " (" + statusLag.all().count() + ")");
        statusLag
                .byTopic()
                .forEach((topic, lag) ->
                        table.add("  of " + topic + " (entries)", lag.describe() + " (" + lag.count() + ")"));
        ProcessUsage cloud = usage.get("local-cloud");
        // The pipeline's work, comparable with runs before status-service: it watches, and has its own row above.
        double servicesCpu = services.stream()
                .filter(s -> !s.process().name().startsWith(PipelineServices.STATUS_SERVICE))
                .mapToDouble(s -> usage.get(s.process().name()).cpuSeconds())
                .sum();
        table.add(
                "local cloud (broker, stand-in, hosts): CPU; peak RSS",
                String.format("%.1f s; %.0f MiB", cloud.cpuSeconds(), cloud.peakRssMib()));
        table.add("CPU, pipeline services + local cloud", String.format("%.1f s", servicesCpu + cloud.cpuSeconds()));
        double floorSeconds = floor.run().time().toMillis() / 1000.0;
        LocalCloudRecord served = floor.served();
        table.add(
                        "floor: time; DigitalOcean calls; SSH sessions; commands (non-zero exits)",
                        String.format(
                                "%.1f s; %d; %d; %d (%d)",
                                floorSeconds,
                                served.apiCalls(),
                                sessions(served),
                                commands(served),
                                floor.run().failedCommands()))
                .add(
                        "floor CPU, client + local cloud",
                        String.format(
                                "%.1f s + %.1f s",
                                floor.run().clientCpuSeconds(),
                                floor.cloudUsage().cpuSeconds()))
                .add(
                        "pipeline time / floor time",
                        ready == signups ? String.format("%.2f", allReady / floorSeconds) : "-");
        return table;
    }

    /** From the first sign-up sent to the last {@code DropletActive}: what DigitalOcean's limits and boot delay bound. */
    private String allActive() {
        List<Long> active = customers.stream()
                .map(c -> c.seenAtMillis(EventType.DROPLET_ACTIVE))
                .toList();
        if (active.contains(-1L)) {
            return "not all active";
        }
        long last = active.stream().mapToLong(Long::longValue).max().orElse(published.toEpochMilli());
        return String.format("%.1f s", (last - published.toEpochMilli()) / 1000.0);
    }

    private static int sessions(LocalCloudRecord served) {
        return served.sessionsPerDroplet().values().stream()
                .mapToInt(List::size)
                .sum();
    }

    private static long commands(LocalCloudRecord served) {
        return served.sessionsPerDroplet().values().stream()
                .flatMap(List::stream)
                .mapToLong(s -> s.commands().size())
                .sum();
    }

    private static String previous(EventType stage) {
        return name(EventType.values()[stage.ordinal() - 1]);
    }

    private static String name(EventType type) {
        return type.topic().substring("rainmaker.".length());
    }

    private static String seconds(Duration duration) {
        return String.format("%.1f s", duration.toMillis() / 1000.0);
    }
}
