package dev.rainmaker.localcloud.hosts.real;

import java.nio.file.Files;
import java.nio.file.Path;
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

            OpenSsh.Result cloudInit = OpenSsh.untilConnected(
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
     * A host capped at 20% of a CPU runs in its own cgroup with that CFS quota, everything in its network namespace
     * (systemd, sshd, what a login runs) inside it, and is throttled when it tries to use more; its cgroup goes with it.
     */
    @Test
    void aCpuCappedHostRunsAllItHasInsideItsCgroupAndIsThrottledThere() throws Exception {
        Availability availability = RealHosts.availability();
        assumeTrue(availability.available(), () -> "real hosts cannot run here: " + availability.reason());
        CpuCgroup.Hierarchy hierarchy = CpuCgroup.Hierarchy.ofThisMachine().orElse(null);
        assumeTrue(hierarchy != null, "no cgroup cpu controller here");
        ProvisioningKey key = ProvisioningKey.createOrReuse(dir);
        HostKey hostKey = HostKey.generate();
        String userData = TestCloudConfig.render(hostKey, List.of(key.publicKeyLine()));
        RealHosts.Settings capped =
                RealHosts.Settings.defaults(dir.resolve("hosts")).withCpuQuota(CpuQuota.parse("20%"));

        try (RealHosts hosts = RealHosts.start(capped)) {
            String address = hosts.boot(new HostSpec(8, "rm-capped-host", userData));
            Path knownHosts = Files.writeString(dir.resolve("known_hosts"), address + " " + hostKey.publicKeyLine());
            OpenSsh ssh = new OpenSsh(knownHosts);
            HostNetwork network = new HostNetwork(Integer.parseInt(address.split("\\.")[2]));
            Path cgroup = hierarchy.parent().resolve(network.namespace());

            OpenSsh.Result busy = OpenSsh.untilConnected(() ->
                    ssh.run("root", address, key.privateKeyFile(), "timeout 3 sh -c 'while :; do :; done'; echo $$"));
            assertThat(busy.stdout())
                    .as("busy loop on the host: %s", busy.stderr())
                    .isNotBlank();

            String quota = hierarchy.unified() ? "cpu.max" : "cpu.cfs_quota_us";
            assertThat(Files.readString(cgroup.resolve(quota)).strip())
                    .isEqualTo(hierarchy.unified() ? "20000 100000" : "20000");
            List<Long> inside = processesUnder(cgroup);
            assertThat(network.processes())
                    .isNotEmpty()
                    .allSatisfy(pid -> assertThat(inside)
                            .as("processes of the cgroup %s", cgroup)
                            .contains(pid));
            assertThat(Files.readString(cgroup.resolve("cpu.stat")))
                    .as("cpu.stat of %s after a busy loop", cgroup)
                    .containsPattern("nr_throttled [1-9]");

            hosts.destroy(8);

            assertThat(cgroup).doesNotExist();
        }
    }

    /** The processes of the cgroup and of those nested in it (nspawn nests its own on cgroup v2). */
    private static List<Long> processesUnder(Path cgroup) throws Exception {
        try (var cgroups = Files.walk(cgroup)) {
            List<Long> pids = new java.util.ArrayList<>();
            for (Path procs : cgroups.filter(
                            path -> path.getFileName().toString().equals("cgroup.procs"))
                    .toList()) {
                Files.readString(procs).lines().map(Long::parseLong).forEach(pids::add);
            }
            return pids;
        }
    }

    private static String namespaceOf(String address) {
        return "rmh" + address.split("\\.")[2];
    }
}
