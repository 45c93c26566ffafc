package dev.rainmaker.cli.bench;

import java.util.Collection;
import java.util.List;

/** p50/p95/p99 of a sample by the nearest-rank method: the smallest value with at least p % of the sample at or below. */
public record Percentiles(int count, double p50, double p95, double p99) {

    public static Percentiles of(Collection<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        if (sorted.isEmpty()) {
            return new Percentiles(0, Double.NaN, Double.NaN, Double.NaN);
        }
        return new Percentiles(sorted.size(), rank(sorted, 50), rank(sorted, 95), rank(sorted, 99));
    }

    private static double rank(List<Double> sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(rank, 1) - 1);
    }

    /** Seconds, as in the table: {@code 0.41 / 1.20 / 1.93 s}. */
    public String describe() {
        return count == 0 ? "no sample" : String.format("%.2f / %.2f / %.2f s", p50, p95, p99);
    }
}
