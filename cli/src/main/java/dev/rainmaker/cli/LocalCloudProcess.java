package dev.rainmaker.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.rainmaker.localcloud.LocalCloudInfo;
import dev.rainmaker.localcloud.LocalCloudRecord;
import dev.rainmaker.localcloud.process.ChildProcesses;

/**
 * A fresh local cloud (Kafka, the DigitalOcean stand-in, hosts, SMTP) in a process of its own, as the demo and the
 * benchmark run it. The benchmark's pipeline and floor each get one, so that neither shares a process with the
 * broker or the hosts. Asked to {@code --record}, it writes what it served ({@link LocalCloudRecord}) when stopped.
 */
public final class LocalCloudProcess {

    private static final Duration STOP_GRACE = Duration.ofMinutes(2);

    private final ServiceProcess process;
    private final LocalCloudInfo info;

    private LocalCloudProcess(ServiceProcess process, LocalCloudInfo info) {
        this.process = process;
        this.info = info;
    }

    /**
     * Starts {@code LocalCloudMain} with its state in {@code stateDirectory} and the given further arguments, and
     * waits until it wrote its info file; {@code name} names its log file.
     */
    public static LocalCloudProcess start(
            Path stateDirectory, String name, List<String> arguments, String maxHeap, Duration timeout) {
        Path infoFile = stateDirectory.resolve("local-cloud.properties");
        try {
            Files.deleteIfExists(infoFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> command = new ArrayList<>(List.of(
                "-Xmx" + maxHeap,
                "-cp",
                System.getProperty("java.class.path"),
                "dev.rainmaker.localcloud.LocalCloudMain",
                "--state-dir",
                stateDirectory.toString()));
        command.addAll(arguments);
        // Asked to stop, not killed, should this JVM die: it stops its hosts and the package proxy on the way out.
        ServiceProcess process = ServiceProcess.start(
                new ServiceLaunch(
                        name,
                        command,
                        Map.of("java.util.logging.manager", "org.jboss.logmanager.LogManager"),
                        Map.of(),
                        stateDirectory.resolve("logs").resolve(name + ".log"),
                        0),
                ChildProcesses.OnParentDeath.TERM);
        try {
            return new LocalCloudProcess(process, awaitInfo(process, infoFile, timeout));
        } catch (RuntimeException e) {
            process.close();
            throw e;
        }
    }

    public LocalCloudInfo info() {
        return info;
    }

    public Path logFile() {
        return process.logFile();
    }

    public long pid() {
        return process.pid();
    }

    /** Stops it and reads what it served from {@code recordFile} (it was started with {@code --record} to it). */
    public LocalCloudRecord stop(Path recordFile) {
        close();
        if (!Files.exists(recordFile)) {
            throw new IllegalStateException(
                    "the local cloud did not write " + recordFile + "; see " + process.logFile());
        }
        return LocalCloudRecord.readFrom(recordFile);
    }

    /**
     * Stops it: gracefully, then forcibly. Real hosts take longer to stop than services (each powers off and its
     * network and files go), and a local cloud killed before it is done leaves them for the next start's sweep.
     */
    public void close() {
        process.close(STOP_GRACE);
    }

    private static LocalCloudInfo awaitInfo(ServiceProcess process, Path infoFile, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (!Files.exists(infoFile)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the local cloud stopped while starting; see " + process.logFile());
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(
                        "the local cloud did not start within " + timeout.toSeconds() + " s; see " + process.logFile());
            }
            ServiceProcess.sleep(Duration.ofMillis(100));
        }
        return LocalCloudInfo.readFrom(infoFile);
    }
}
