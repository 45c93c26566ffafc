package dev.rainmaker.localcloud.hosts.real;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The cgroup files a CPU cap writes, and the shell that enters the cgroup, against plain directories. */
class CpuCgroupTests {

    @TempDir
    Path cgroups;

    @Test
    void onCgroupV1TheHostsCgroupInTheCpuHierarchyGetsACfsQuota() throws Exception {
        Files.createDirectories(cgroups.resolve("cpu"));
        Files.writeString(cgroups.resolve("cpu/cpu.cfs_quota_us"), "-1\n");

        CpuCgroup.Hierarchy hierarchy = CpuCgroup.Hierarchy.of(cgroups).orElseThrow();
        CpuCgroup cgroup = CpuCgroup.create(hierarchy, new HostNetwork(7), CpuQuota.parse("25%"));

        assertThat(hierarchy.unified()).isFalse();
        assertThat(cgroup.directory()).isEqualTo(cgroups.resolve("cpu/rainmaker/rmh7"));
        assertThat(Files.readString(cgroup.directory().resolve("cpu.cfs_period_us")))
                .isEqualTo("100000");
        assertThat(Files.readString(cgroup.directory().resolve("cpu.cfs_quota_us")))
                .isEqualTo("25000");
    }

    @Test
    void onCgroupV2TheCpuControllerIsEnabledDownToTheHostsCgroupAndItsCpuMaxSet() throws Exception {
        Files.writeString(cgroups.resolve("cgroup.controllers"), "cpuset cpu io memory pids\n");

        CpuCgroup.Hierarchy hierarchy = CpuCgroup.Hierarchy.of(cgroups).orElseThrow();
        CpuCgroup cgroup = CpuCgroup.create(hierarchy, new HostNetwork(7), CpuQuota.parse("50%"));

        assertThat(hierarchy.unified()).isTrue();
        assertThat(cgroup.directory()).isEqualTo(cgroups.resolve("rainmaker/rmh7"));
        assertThat(Files.readString(cgroups.resolve("cgroup.subtree_control"))).isEqualTo("+cpu");
        assertThat(Files.readString(cgroups.resolve("rainmaker/cgroup.subtree_control")))
                .isEqualTo("+cpu");
        assertThat(Files.readString(cgroup.directory().resolve("cpu.max"))).isEqualTo("50000 100000");
    }

    @Test
    void withoutACpuControllerThereIsNoHierarchyToCapIn() throws Exception {
        Files.writeString(cgroups.resolve("cgroup.controllers"), "memory pids\n");

        assertThat(CpuCgroup.Hierarchy.of(cgroups)).isEmpty();
        assertThat(CpuCgroup.Hierarchy.of(cgroups.resolve("nothing"))).isEqualTo(Optional.empty());
    }

    @Test
    void theCommandRunsWithTheProcessIdItWroteIntoTheCgroupSoAllItStartsIsInside() throws Exception {
        Files.createDirectories(cgroups.resolve("cpu"));
        Files.writeString(cgroups.resolve("cpu/cpu.cfs_quota_us"), "-1\n");
        CpuCgroup cgroup = CpuCgroup.create(
                CpuCgroup.Hierarchy.of(cgroups).orElseThrow(), new HostNetwork(3), CpuQuota.parse("50%"));

        List<String> command = cgroup.enter(List.of("sh", "-c", "echo $$", "with spaces 'and quotes'"));
        Process process = new ProcessBuilder(command).start();
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();

        String pid = new String(process.getInputStream().readAllBytes()).strip();
        assertThat(process.exitValue()).isZero();
        assertThat(pid).isEqualTo(Long.toString(process.pid()));
        assertThat(Files.readString(cgroup.directory().resolve("cgroup.procs")).strip())
                .isEqualTo(pid);
    }
}
