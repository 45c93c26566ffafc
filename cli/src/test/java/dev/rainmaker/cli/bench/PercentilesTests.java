package dev.rainmaker.cli.bench;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PercentilesTests {

    @Test
    void takesTheNearestRankOfTheSortedSample() {
        List<Double> oneToHundred =
                IntStream.rangeClosed(1, 100).mapToObj(i -> (double) i).toList().reversed();

        Percentiles percentiles = Percentiles.of(oneToHundred);

        assertThat(percentiles).isEqualTo(new Percentiles(100, 50, 95, 99));
    }

    @Test
    void aSampleOfOneIsEveryPercentile() {
        assertThat(Percentiles.of(List.of(2.5))).isEqualTo(new Percentiles(1, 2.5, 2.5, 2.5));
    }

    @Test
    void smallSamplesRoundTheRankUp() {
        Percentiles percentiles = Percentiles.of(List.of(1.0, 2.0, 3.0, 4.0, 5.0));

        assertThat(percentiles.p50()).isEqualTo(3.0);
        assertThat(percentiles.p95()).isEqualTo(5.0);
        assertThat(percentiles.describe()).isEqualTo("3.00 / 5.00 / 5.00 s");
    }

    @Test
    void anEmptySampleSaysSo() {
        assertThat(Percentiles.of(List.of()).describe()).isEqualTo("no sample");
    }
}
