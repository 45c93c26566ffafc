package dev.rainmaker.stack.service;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rainmaker.hostaccess.config.SshConfig;
import dev.rainmaker.stack.config.StackConfig;
import dev.rainmaker.stack.domain.PortState;
import dev.rainmaker.stack.domain.WebPage;
import io.micrometer.core.instrument.MeterRegistry;
import org.jboss.logging.Logger;

/**
 * The host as an attacker sees it, before the customer is told it is ready: only sshd and the app reachable, sshd
 * offering public-key login and nothing else, and the app answering that its database and cache work. Anything else
 * is a permanent failure naming what was found. sshd and the app get a while to answer ({@code answer-budget}): a busy
 * host is slow, and a slow host is not a failed one.
 */
@ApplicationScoped
public class OutsideCheck {

    private static final Logger LOG = Logger.getLogger(OutsideCheck.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Duration FIRST_PAUSE = Duration.ofMillis(500);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(8);

    private final HostProbe probe;
    private final StackConfig.OutsideCheck config;
    private final int sshPort;
    private final MeterRegistry registry;

    @Inject
    public OutsideCheck(HostProbe probe, StackConfig stack, SshConfig ssh, MeterRegistry registry) {
        this(probe, stack.outside(), ssh.port(), registry);
    }

    public OutsideCheck(HostProbe probe, StackConfig.OutsideCheck config, int sshPort, MeterRegistry registry) {
        this.probe = probe;
        this.config = config;
        this.sshPort = sshPort;
        this.registry = registry;
    }

    /**
     * Looks until sshd and the app answer and the app works, within {@code rainmaker.stack.outside.answer-budget};
     * a port open that must not be is a finding however soon it is seen.
     *
     * @throws PermanentFailure naming every finding and every port that was reachable
     */
    public void verify(String host, String address, URI appUrl) {
        View view = lookUntilAnswering(host, address, appUrl);
        Map<Integer, PortState> ports = view.ports();
        List<String> findings = new ArrayList<>();
        config.openPorts().stream()
                .filter(port -> !ports.get(port).reachable())
                .forEach(port -> findings.add("port " + port + " is " + describe(ports.get(port)) + ", not open"));
        config.closedPorts().stream()
                .filter(port -> ports.get(port).reachable())
                .forEach(port -> findings.add("port " + port + " is open to everyone"));
        if (ports.containsKey(sshPort) && ports.get(sshPort).reachable()) {
            Set<String> methods = probe.sshAuthMethods(address, sshPort);
            if (!methods.equals(Set.of("publickey"))) {
                String offered = methods.isEmpty() ? "no login method" : String.join(", ", methods);
                findings.add("sshd offers " + offered + " (only publickey is allowed)");
            }
        }
        if (!appWorks(view.page())) {
            findings.add("the app at " + appUrl + " " + describe(view.page()));
        }
        List<Integer> reachable = ports.entrySet().stream()
                .filter(e -> e.getValue().reachable())
                .map(Map.Entry::getKey)
                .toList();
        if (!findings.isEmpty()) {
            registry.counter("rainmaker.stack.outside-checks", "outcome", "failed")
                    .increment();
            throw new PermanentFailure(host + " fails the check from outside: " + String.join("; ", findings)
                    + " (reachable from outside: " + reachable + ")");
        }
        registry.counter("rainmaker.stack.outside-checks", "outcome", "passed").increment();
        LOG.infof(
                "%s passes the check from outside: reachable %s, sshd offers publickey only, app works",
                host, reachable);
    }

    /**
     * Every port once, then again only what is silent or not working yet, with growing pauses; not at all when a port
     * that must be closed is open.
     */
    private View lookUntilAnswering(String host, String address, URI appUrl) {
        Instant giveUp = Instant.now().plus(config.answerBudget());
        List<Integer> all = new ArrayList<>(config.openPorts());
        all.addAll(config.mayBeOpenPorts());
        all.addAll(config.closedPorts());
        Map<Integer, PortState> ports = scan(address, all);
        WebPage page = probe.get(appUrl);
        Duration pause = FIRST_PAUSE;
        int looks = 1;
        while (!answering(ports, page)
                && !openThatMustBeClosed(ports)
                && Instant.now().plus(pause).isBefore(giveUp)) {
            sleep(pause, address);
            ports.putAll(scan(address, silentOpenPorts(ports)));
            if (!appWorks(page)) {
                page = probe.get(appUrl);
            }
            pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
            looks++;
        }
        if (looks > 1) {
            LOG.infof(
                    "%s: looked from outside %d times over up to %s for sshd and the app",
                    host, looks, config.answerBudget());
        }
        return new View(ports, page);
    }

    private boolean answering(Map<Integer, PortState> ports, WebPage page) {
        return silentOpenPorts(ports).isEmpty() && appWorks(page);
    }

    /** A port open that must be closed fails the check whatever else answers later: no reason to wait. */
    private boolean openThatMustBeClosed(Map<Integer, PortState> ports) {
        return config.closedPorts().stream().anyMatch(port -> ports.get(port).reachable());
    }

    private List<Integer> silentOpenPorts(Map<Integer, PortState> ports) {
        return config.openPorts().stream()
                .filter(port -> !ports.get(port).reachable())
                .toList();
    }

    /** The ports at once: a filtered port costs the whole timeout, so they are tried side by side. */
    private Map<Integer, PortState> scan(String address, List<Integer> wanted) {
        Map<Integer, Future<PortState>> pending = new TreeMap<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            wanted.stream()
                    .distinct()
                    .forEach(port -> pending.put(port, threads.submit(() -> probe.port(address, port))));
            Map<Integer, PortState> states = new TreeMap<>();
            for (Map.Entry<Integer, Future<PortState>> entry : pending.entrySet()) {
                states.put(entry.getKey(), entry.getValue().get());
            }
            return states;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PermanentFailure("interrupted while scanning " + address + " from outside", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new PermanentFailure("could not scan " + address + " from outside: " + e.getCause(), e);
        }
    }

    private static void sleep(Duration pause, String address) {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PermanentFailure("interrupted while waiting for " + address + " to answer from outside", e);
        }
    }

    private static boolean appWorks(WebPage page) {
        if (page.status() != 200) {
            return false;
        }
        try {
            JsonNode status = JSON.readTree(page.body());
            return status != null
                    && "ok".equals(status.path("database").asText())
                    && "ok".equals(status.path("memcached").asText());
        } catch (JsonProcessingException notJson) {
            return false;
        }
    }

    private static String describe(PortState state) {
        return state == PortState.REFUSED ? "refused" : "filtered";
    }

    private record View(Map<Integer, PortState> ports, WebPage page) {}

    private static String describe(WebPage page) {
        if (!page.answered()) {
            return "does not answer (" + page.body() + ")";
        }
        String body = page.body().strip();
        return "answers " + page.status() + " without database and cache working: "
                + (body.length() > 200 ? body.substring(0, 200) + "..." : body);
    }
}
