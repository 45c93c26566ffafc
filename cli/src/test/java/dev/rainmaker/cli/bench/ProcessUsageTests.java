package dev.rainmaker.cli.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ProcessUsageTests {

    @Test
    void addsUserAndSystemTicksAndReadsThePeakResidentSet() {
        String stat = "4242 (java (quarkus)) S 1 4242 4242 0 -1 4194560 51234 0 12 0 731 269 0 0 20 0 45 0 98765 "
                + "3000000000 51200 18446744073709551615";
        String status = "Name:\tjava\nVmPeak:\t 3000000 kB\nVmHWM:\t  204800 kB\nVmRSS:\t  150000 kB\n";

        ProcessUsage usage = ProcessUsage.parse(stat, status);

        assertThat(usage.cpuSeconds()).isCloseTo(10.0, within(1e-9));
        assertThat(usage.peakRssMib()).isCloseTo(200.0, within(1e-9));
    }

    @Test
    void readsThisProcess() {
        ProcessUsage usage = ProcessUsage.of(ProcessHandle.current().pid());

        assertThat(usage.cpuSeconds()).isPositive();
        assertThat(usage.peakRssMib()).isPositive();
    }
}
