package dev.rainmaker.localcloud.hosts.real;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What every Debian host needs from this machine, whatever boots it (systemd-nspawn here, a container engine in
 * {@code hosts.containers}): the base image's tarball and the package proxy it installs through. Starting one sweeps
 * what killed runs left, installs missing tools and records this run in the {@link Ledger}, so that the proxy's
 * address stays while any run uses it; closing stops the proxy and forgets the run.
 */
public final class HostSupplies implements AutoCloseable {

    private final Path baseImage;
    private final AptProxy proxy;
    private final Ledger ledger;

    private HostSupplies(Path baseImage, AptProxy proxy, Ledger ledger) {
        this.baseImage = baseImage;
        this.proxy = proxy;
        this.ledger = ledger;
    }

    /** Whether this machine can build the base image and run the package proxy (Linux, root, the tools), and why not. */
    public static Availability availability() {
        return MachineTools.check();
    }

    /**
     * @param cacheDirectory the base image and the package cache
     * @param baseImageMaxAge the base image is built again when older
     */
    public static HostSupplies start(Path cacheDirectory, Duration baseImageMaxAge) {
        MachineTools.installMissing();
        return start(Ledger.ofThisMachine(), cacheDirectory, baseImageMaxAge);
    }

    static HostSupplies start(Ledger ledger, Path cacheDirectory, Duration baseImageMaxAge) {
        RealHosts.sweepLeftovers(ledger);
        ledger.recordRun();
        DebianMirror mirror = DebianMirror.ofThisMachine();
        AptProxy proxy;
        try {
            proxy = AptProxy.start(cacheDirectory, mirror, ledger);
        } catch (RuntimeException e) {
            ledger.forgetRun();
            throw e;
        }
        try {
            Path image = new BaseImage(cacheDirectory, baseImageMaxAge, mirror).ensure();
            return new HostSupplies(image, proxy, ledger);
        } catch (RuntimeException e) {
            proxy.close();
            ledger.forgetRun();
            throw e;
        }
    }

    /** The Debian 12 root file system as a zstd tarball, named after its recipe. */
    public Path baseImage() {
        return baseImage;
    }

    @Override
    public void close() {
        proxy.close();
        ledger.forgetRun();
    }
}
