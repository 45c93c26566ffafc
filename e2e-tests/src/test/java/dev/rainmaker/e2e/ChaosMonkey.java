package dev.rainmaker.e2e;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import dev.rainmaker.cli.ServiceProcess;

/**
 * Kills service processes with SIGKILL and starts them again (same name, ports and log), until stopped. Each
 * {@code interval} is one service's turn, round robin, once the process it killed last is ready again (or
 * {@link #READY_WAIT} has passed): an instance of that service is killed if the service has customers in flight
 * ({@link StageProgress}: a kill of a service with nothing to do proves nothing) and all its instances are ready (one
 * of each keeps working); otherwise the turn passes. A service still short of {@link #COVERAGE_KILLS} kills with customers
 * in flight goes first, whoever's turn it is. So, once covered, every service is killed at most once a round: handing
 * every turn on would kill the last busy stage again and again until it finishes nothing. Others may ask
 * for a kill at a moment of their choosing ({@link #killNow}). The processes live in the list it is given, which it
 * updates under that list's lock.
 */
final class ChaosMonkey implements AutoCloseable {

    /** How long the next kill waits for the last one's process to be ready; a service may be slow to say so. */
    static final Duration READY_WAIT = Duration.ofSeconds(30);

    static final List<String> SERVICES =
            List.of("droplet-service", "bootstrap-service", "stack-service", "notifier-service");

    /** A kill: the process, its service, when, how many customers the service had in flight, and why then. */
    record Kill(String process, long pid, String service, Instant at, int inFlight, String why) {}

    /** Kills of each service with customers in flight that a run needs to prove anything. */
    static final int COVERAGE_KILLS = 2;

    private final List<ServiceProcess> processes;
    private final Duration interval;
    private final StageProgress progress;
    private final List<Kill> kills = new CopyOnWriteArrayList<>();
    private final List<String> problems = new CopyOnWriteArrayList<>();
    private final Map<String, Boolean> ready = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile String lastVictim;
    private int turn;

    ChaosMonkey(List<ServiceProcess> processes, Duration interval, StageProgress progress) {
        this.processes = processes;
        this.interval = interval;
        this.progress = progress;
        this.thread = Thread.ofPlatform().name("chaos-monkey").daemon().unstarted(this::run);
    }

    ChaosMonkey start() {
        thread.start();
        return this;
    }

    List<Kill> kills() {
        return List.copyOf(kills);
    }

    /** Restarted processes that did not become ready, and the like: the run is then not what it claims to be. */
    List<String> problems() {
        return List.copyOf(problems);
    }

    /** Current process ids of a service's instances. */
    Map<Long, String> pidsOf(String service) {
        synchronized (processes) {
            Map<Long, String> pids = new java.util.HashMap<>();
            processes.stream()
                    .filter(p -> serviceOf(p.name()).equals(service))
                    .forEach(p -> pids.put(p.pid(), p.name()));
            return pids;
        }
    }

    /** Kills the process of that name now, if it still runs as the same process; returns the kill. */
    Optional<Kill> killNow(String processName, long pid, String why) {
        if (!running) {
            return Optional.empty();
        }
        return kill(p -> p.name().equals(processName) && p.pid() == pid, why);
    }

    private void run() {
        while (running) {
            try {
                Thread.sleep(interval);
            } catch (InterruptedException e) {
                return;
            }
            awaitLastVictimReady();
            if (running) {
                killInTurn();
            }
        }
    }

    private void awaitLastVictimReady() {
        long deadline = System.nanoTime() + READY_WAIT.toNanos();
        while (running && lastVictim != null && !ready.getOrDefault(lastVictim, true) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /**
     * First a service still short of its {@link #COVERAGE_KILLS} that has customers in flight and a ready instance (an
     * early stage is busy only early, so coverage cannot wait for its turn, nor for its other instance); else the
     * turn's service if it can be killed; else nobody.
     */
    private void killInTurn() {
        String service = SERVICES.get(turn);
        turn = (turn + 1) % SERVICES.size();
        Optional<Kill> kill = SERVICES.stream()
                .filter(s -> killsInFlight(s) < COVERAGE_KILLS && progress.inFlight(s) > 0)
                .map(s -> kill(p -> serviceOf(p.name()).equals(s) && ready.getOrDefault(p.name(), true), "coverage"))
                .flatMap(Optional::stream)
                .findFirst()
                .or(() -> killable(service)
                        ? kill(p -> serviceOf(p.name()).equals(service), "its turn")
                        : Optional.empty());
        kill.ifPresent(k -> lastVictim = k.process());
    }

    private boolean killable(String service) {
        return progress.inFlight(service) > 0 && allReady(service);
    }

    private long killsInFlight(String service) {
        return kills.stream()
                .filter(k -> k.service().equals(service) && k.inFlight() > 0)
                .count();
    }

    private boolean allReady(String service) {
        synchronized (processes) {
            return processes.stream()
                    .filter(p -> serviceOf(p.name()).equals(service))
                    .allMatch(p -> ready.getOrDefault(p.name(), true));
        }
    }

    /** Kills the least killed process that matches, restarts it, and waits for it to be ready on a thread of its own. */
    private Optional<Kill> kill(Predicate<ServiceProcess> victims, String why) {
        ServiceProcess restarted;
        Kill kill;
        synchronized (processes) {
            Optional<ServiceProcess> victim =
                    processes.stream().filter(victims).min(java.util.Comparator.comparingLong(p -> killsOf(p.name())));
            if (victim.isEmpty()) {
                return Optional.empty();
            }
            String service = serviceOf(victim.get().name());
            int inFlight = progress.inFlight(service);
            victim.get().kill();
            kill = new Kill(victim.get().name(), victim.get().pid(), service, Instant.now(), inFlight, why);
            kills.add(kill);
            restarted = victim.get().restart();
            processes.set(processes.indexOf(victim.get()), restarted);
            ready.put(restarted.name(), false);
        }
        Thread.ofVirtual().start(() -> awaitReady(restarted));
        return Optional.of(kill);
    }

    private void awaitReady(ServiceProcess restarted) {
        try {
            restarted.awaitReady(Duration.ofSeconds(120));
            ready.put(restarted.name(), true);
        } catch (IllegalStateException e) {
            if (running) {
                problems.add(e.getMessage());
            }
        }
    }

    private long killsOf(String process) {
        return kills.stream().filter(kill -> kill.process().equals(process)).count();
    }

    /** {@code notifier-service-2} → {@code notifier-service}. */
    static String serviceOf(String process) {
        return process.replaceFirst("-\\d+$", "");
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(Duration.ofSeconds(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
