package dev.rainmaker.localcloud.hosts.real;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import dev.rainmaker.localcloud.hosts.HostKey;
import dev.rainmaker.localcloud.hosts.HostSpec;
import dev.rainmaker.localcloud.hosts.ProvisioningKey;
import dev.rainmaker.localcloud.hosts.TestCloudConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class RealHostsTests {

    @TempDir
    Path dir;

    @Test
    void availabilitySaysWhy() {
        Availability availability = RealHosts.availability();

        assertThat(availability.reason()).isNotBlank();
    }

    @Test
    void aDropletBootsARealDebianHostWithItsPinnedKeyAndIsGoneAfterDestroy() throws Exception {
        Availability availability = RealHosts.availability();
        assumeTrue(availability.available(), () -> "real hosts cannot run here: " + availability.reason());
        ProvisioningKey key = ProvisioningKey.createOrReuse(dir);
        HostKey hostKey = HostKey.generate();
        String userData = TestCloudConfig.render(hostKey, List.of(key.publicKeyLine()));
        boolean proxyAddressWasThere = AptProxy.addressOnLoopback();

        try (RealHosts hosts = RealHosts.start(RealHosts.Settings.defaults(dir.resolve("hosts")))) {
            String address = hosts.boot(new HostSpec(7, "rm-test-host", userData));
            Path knownHosts = Files.writeString(dir.resolve("known_hosts"), address + " " + hostKey.publicKeyLine());
            OpenSsh ssh = new OpenSsh(knownHosts);

            OpenSsh.Result cloudInit = untilConnected(
                    () -> ssh.run("root", address, key.privateKeyFile(), "cloud-init status --wait --format json"));
            assertThat(cloudInit.stdout())
                    .as("cloud-init status over SSH (exit %d): %s", cloudInit.exitStatus(), cloudInit.stderr())
                    .contains("\"status\": \"done\"");
            OpenSsh.Result hostname = ssh.run("root", address, key.privateKeyFile(), "hostname");
            assertThat(hostname.stdout().strip()).isEqualTo("rm-test-host");

            hosts.destroy(7);

            assertThat(Path.of("/run/netns/" + namespaceOf(address))).doesNotExist();
            assertThat(dir.resolve("hosts").resolve(namespaceOf(address))).doesNotExist();
        }
        assertThat(AptProxy.addressOnLoopback())
                .as("%s on lo after the last real host and the proxy stopped", AptProxy.ADDRESS)
                .isEqualTo(proxyAddressWasThere);
    }

    /**
     * ssh's exit status 255 is a failed connection: sshd answers as soon as it starts, and cloud-init may restart it
     * once more while it applies {@code ssh_pwauth}, as on DigitalOcean; a client tries again, as bootstrap-service does.
     */
    private static OpenSsh.Result untilConnected(SshCall call) throws Exception {
        Instant deadline = Instant.now().plusSeconds(30);
        OpenSsh.Result result = call.run();
        while (result.exitStatus() == 255 && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
            result = call.run();
        }
        return result;
    }

    private interface SshCall {
        OpenSsh.Result run() throws Exception;
    }

    private static String namespaceOf(String address) {
        return "rmh" + address.split("\\.")[2];
    }
}
