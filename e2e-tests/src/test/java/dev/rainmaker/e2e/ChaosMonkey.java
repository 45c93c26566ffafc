package dev.rainmaker.e2e;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.rainmaker.cli.ServiceProcess;

/**
 * Every {@code interval}, kills a random service process with SIGKILL and starts it again (same name, ports and log),
 * until stopped. The processes live in the list it is given, which it updates under that list's lock.
 */
final class ChaosMonkey implements AutoCloseable {

    record Kill(String service, Instant at) {}

    private final List<ServiceProcess> services;
    private final Duration interval;
    private final Random random;
    private final List<Kill> kills = new CopyOnWriteArrayList<>();
    private final List<String> problems = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;

    ChaosMonkey(List<ServiceProcess> services, Duration interval, long seed) {
        this.services = services;
        this.interval = interval;
        this.random = new Random(seed);
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

    private void run() {
        while (running) {
            try {
                Thread.sleep(interval);
            } catch (InterruptedException e) {
                return;
            }
            if (running) {
                killOneAndRestartIt();
            }
        }
    }

    private void killOneAndRestartIt() {
        ServiceProcess restarted;
        synchronized (services) {
            int index = random.nextInt(services.size());
            ServiceProcess victim = services.get(index);
            victim.kill();
            kills.add(new Kill(victim.name(), Instant.now()));
            restarted = victim.restart();
            services.set(index, restarted);
        }
        try {
            restarted.awaitReady(Duration.ofSeconds(120));
        } catch (IllegalStateException e) {
            if (running) {
                problems.add(e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(Duration.ofSeconds(150));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
