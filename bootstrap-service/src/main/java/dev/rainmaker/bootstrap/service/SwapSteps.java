package dev.rainmaker.bootstrap.service;

import java.util.List;

import dev.rainmaker.bootstrap.domain.HostFacts;
import dev.rainmaker.bootstrap.domain.HostStep;

/**
 * A swap file sized for the droplet ({@link SwapSize}): {@code /swapfile}, root's only (0600), a swap area, in
 * {@code /etc/fstab} for the next boot, and on. A container may not turn swap on (the kernel's swap belongs to the
 * machine it runs on): there the last step verifies and says that the host is a container instead of claiming swap is
 * on.
 */
public final class SwapSteps {

    static final String FILE = "/swapfile";
    static final String FSTAB_LINE = FILE + " none swap sw 0 0";

    private SwapSteps() {}

    public static List<HostStep> forHost(SwapSize size, HostFacts facts) {
        return List.of(file(size), fstab(), facts.inContainer() ? notActivatedInContainer(facts) : on());
    }

    /** The file has the size, is root's alone and holds a swap area ({@code swaplabel} reads its header). */
    static HostStep file(SwapSize size) {
        return new HostStep(
                "swap-file " + size.mebibytes() + " MiB",
                "stat -c '%s %a %U' " + FILE + " && swaplabel " + FILE,
                out -> out.succeeded() && out.stdout().startsWith(size.bytes() + " 600 root\n"),
                "rm -f " + FILE + " && fallocate -l " + size.bytes() + " " + FILE + " && chmod 600 " + FILE
                        + " && mkswap " + FILE);
    }

    static HostStep fstab() {
        return new HostStep(
                "swap-fstab",
                "grep -qxF '" + FSTAB_LINE + "' /etc/fstab",
                out -> out.succeeded(),
                "printf '%s\\n' '" + FSTAB_LINE + "' >> /etc/fstab");
    }

    static HostStep on() {
        return new HostStep(
                "swap-on",
                "swapon --show=NAME --noheadings",
                out -> out.succeeded() && out.stdout().lines().anyMatch(FILE::equals),
                "swapon " + FILE);
    }

    /** Nothing to change: the step verifies the reason swap stays off, so the event says only what is true. */
    static HostStep notActivatedInContainer(HostFacts facts) {
        return new HostStep(
                "swap-not-activated: the host is a container (" + facts.container() + "), where swapon is not allowed",
                HostFactsProbe.CONTAINER,
                out -> out.succeeded() && out.stdout().strip().equals(facts.container()),
                HostFactsProbe.CONTAINER);
    }
}
