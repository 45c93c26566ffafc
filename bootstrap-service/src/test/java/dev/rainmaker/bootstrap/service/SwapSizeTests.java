package dev.rainmaker.bootstrap.service;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SwapSizeTests {

    @Test
    void swapIsAsLargeAsTheDropletsMemoryUpToTwoGibibytes() {
        assertThat(SwapSize.forDropletSize("s-1vcpu-512mb-10gb").mebibytes()).isEqualTo(512);
        assertThat(SwapSize.forDropletSize("s-1vcpu-1gb").mebibytes()).isEqualTo(1024);
        assertThat(SwapSize.forDropletSize("s-1vcpu-1gb-amd").mebibytes()).isEqualTo(1024);
        assertThat(SwapSize.forDropletSize("s-1vcpu-2gb").mebibytes()).isEqualTo(2048);
        assertThat(SwapSize.forDropletSize("s-2vcpu-4gb").mebibytes()).isEqualTo(2048);
        assertThat(SwapSize.forDropletSize("g-2vcpu-8gb").mebibytes()).isEqualTo(2048);
        assertThat(SwapSize.forDropletSize("1gb").bytes()).isEqualTo(1073741824L);
    }

    @Test
    void aSizeThatDoesNotSayItsMemoryIsAPermanentFailureNamingIt() {
        assertThatThrownBy(() -> SwapSize.forDropletSize("c-2"))
                .isInstanceOf(HardeningFailure.class)
                .hasMessageContaining("droplet size 'c-2' does not say its memory");
    }
}
