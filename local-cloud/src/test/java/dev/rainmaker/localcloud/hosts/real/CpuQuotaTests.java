package dev.rainmaker.localcloud.hosts.real;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CpuQuotaTests {

    @Test
    void halfACpuIsHalfOfEveryCfsPeriod() {
        CpuQuota quota = CpuQuota.parse("50%");

        assertThat(quota.percentOfOneCpu()).isEqualTo(50);
        assertThat(quota.quotaMicros()).isEqualTo(50_000);
        assertThat(quota.cpuMax()).isEqualTo("50000 100000");
        assertThat(quota).hasToString("50%");
    }

    @Test
    void aQuotaMayExceedOneCpuAsSystemdCountsIt() {
        assertThat(CpuQuota.parse(" 150% ").quotaMicros()).isEqualTo(150_000);
    }

    @Test
    void anythingButAPercentageOfOneCpuIsRefusedSayingWhatItWants() {
        for (String wrong : new String[] {"50", "abc", "-5%", "0.5", "50 %"}) {
            assertThatThrownBy(() -> CpuQuota.parse(wrong))
                    .as(wrong)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("such as 50%");
        }
        assertThatThrownBy(() -> CpuQuota.parse("0%")).hasMessageContaining("1% to 25600%");
    }
}
