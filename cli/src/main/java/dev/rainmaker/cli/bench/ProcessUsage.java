package dev.rainmaker.cli.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** CPU time and peak resident memory of a Linux process, read from {@code /proc/<pid>/stat} and {@code status}. */
public record ProcessUsage(double cpuSeconds, double peakRssMib) {

    // USER_HZ; 100 on every Linux the project runs on (sysconf(_SC_CLK_TCK) is not reachable from Java).
    private static final double TICKS_PER_SECOND = 100.0;

    public static ProcessUsage of(long pid) {
        try {
            return parse(
                    Files.readString(Path.of("/proc", String.valueOf(pid), "stat")),
                    Files.readString(Path.of("/proc", String.valueOf(pid), "status")));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /proc for process " + pid + ": " + e.getMessage(), e);
        }
    }

    /** From the text of {@code stat} (utime and stime, fields 14 and 15) and {@code status} ({@code VmHWM}). */
    static ProcessUsage parse(String stat, String status) {
        // The command name (field 2) may hold spaces; the fields after it start past its closing parenthesis.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        double peakKib = status.lines()
                .filter(line -> line.startsWith("VmHWM:"))
                .mapToDouble(line -> Double.parseDouble(line.replaceAll("[^0-9]", "")))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no VmHWM in /proc status"));
        return new ProcessUsage(ticks / TICKS_PER_SECOND, peakKib / 1024);
    }
}
