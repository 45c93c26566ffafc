package dev.rainmaker.localcloud.hosts.real;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How much CPU time one real host may use, in percent of one CPU as systemd's {@code CPUQuota=} counts it ({@code 50%}:
 * half a CPU, {@code 200%}: two), enforced by the CFS bandwidth limit of the host's own cgroup ({@link CpuCgroup}):
 * a small droplet, or a busy night, on a machine that has more cores than it.
 */
public record CpuQuota(int percentOfOneCpu) {

    /** The CFS period both cgroup versions default to; the quota is a share of it. */
    static final long PERIOD_MICROS = 100_000;

    private static final Pattern PERCENT = Pattern.compile("(\\d{1,5})%");

    public CpuQuota {
        if (percentOfOneCpu < 1 || percentOfOneCpu > 25_600) {
            throw new IllegalArgumentException("a CPU quota is 1% to 25600% of one CPU, not " + percentOfOneCpu + "%");
        }
    }

    /** Reads systemd's notation, e.g. {@code 50%}. */
    public static CpuQuota parse(String text) {
        Matcher percent = PERCENT.matcher(text.strip());
        if (!percent.matches()) {
            throw new IllegalArgumentException(
                    "a CPU quota is a percentage of one CPU such as 50%, not '" + text + "'");
        }
        return new CpuQuota(Integer.parseInt(percent.group(1)));
    }

    /** CPU time the host may use per {@link #PERIOD_MICROS}: cgroup v1's {@code cpu.cfs_quota_us}. */
    long quotaMicros() {
        return PERIOD_MICROS * percentOfOneCpu / 100;
    }

    /** cgroup v2's {@code cpu.max}: quota and period. */
    String cpuMax() {
        return quotaMicros() + " " + PERIOD_MICROS;
    }

    @Override
    public String toString() {
        return percentOfOneCpu + "%";
    }
}
