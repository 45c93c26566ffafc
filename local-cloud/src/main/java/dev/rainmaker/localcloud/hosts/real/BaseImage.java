package dev.rainmaker.localcloud.hosts.real;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Debian 12 root file system every real host starts from, as a zstd tarball in a cache outside the repository:
 * debootstrap'ed once (about a minute) with systemd, sshd, cloud-init reading a NoCloud seed, ufw and the basics, and
 * built again when missing or older than its maximum age, through the package proxy. Processes sharing the cache
 * build it once (file lock).
 */
final class BaseImage {

    /**
     * debootstrap does not resolve virtual packages: python3-cryptography (cloud-init's) needs the cffi backend's
     * {@code python3-cffi-backend-api-*}, so the package that provides them is named.
     */
    static final String PACKAGES = "systemd-sysv,dbus,openssh-server,sudo,iproute2,curl,ca-certificates,ufw,tzdata,"
            + "procps,cloud-init,locales,python3-cffi-backend";

    /**
     * cloud-init reads only the NoCloud seed (no network datasources to time out on) and makes no host keys of its
     * own: the host presents only the key the droplet's {@code ssh_keys} gave it, the one that is pinned. The host's
     * address is set from outside before boot, so cloud-init leaves the network alone. As on DigitalOcean's images,
     * root takes the droplet's {@code ssh_authorized_keys}, there is no default user, and the host's own name
     * resolves through {@code /etc/hosts} (sudo looks it up).
     */
    static final String CLOUD_CONFIG = """
            datasource_list: [ NoCloud, None ]
            ssh_genkeytypes: []
            network: {config: disabled}
            disable_root: false
            users: []
            manage_etc_hosts: true
            """;

    /** No name server can be reached from a host: without one, lookups fail at once instead of timing out. */
    static final String RESOLV_CONF = "# Rainmaker local host: no name server reachable\n";

    private static final Logger LOG = LoggerFactory.getLogger(BaseImage.class);

    private final Path cacheDirectory;
    private final Duration maxAge;
    private final DebianMirror mirror;

    BaseImage(Path cacheDirectory, Duration maxAge, DebianMirror mirror) {
        this.cacheDirectory = cacheDirectory;
        this.maxAge = maxAge;
        this.mirror = mirror;
    }

    /** Named after what it is built from, so a changed recipe builds a new image. */
    Path tarball() {
        return cacheDirectory.resolve("debian12-base-" + recipeHash() + ".tar.zst");
    }

    private String recipeHash() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((PACKAGES + "\n" + CLOUD_CONFIG + "\n" + RESOLV_CONF + "\n" + mirror.sources())
                            .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /** The tarball, built first when it is missing or too old. */
    synchronized Path ensure() {
        try {
            Files.createDirectories(cacheDirectory);
            try (FileChannel channel = FileChannel.open(
                            cacheDirectory.resolve("debian12-base.lock"),
                            StandardOpenOption.CREATE,
                            StandardOpenOption.WRITE);
                    FileLock ignored = channel.lock()) {
                removeUnfinishedBuilds();
                if (!fresh()) {
                    build();
                }
            }
            return tarball();
        } catch (IOException e) {
            throw new UncheckedIOException("could not prepare the base image in " + cacheDirectory, e);
        }
    }

    private boolean fresh() throws IOException {
        return Files.isRegularFile(tarball())
                && Files.getLastModifiedTime(tarball())
                        .toInstant()
                        .isAfter(Instant.now().minus(maxAge));
    }

    private void build() throws IOException {
        long started = System.nanoTime();
        LOG.info("building the Debian 12 base image for real hosts in {} (about a minute)", tarball());
        Path work = Files.createTempDirectory(cacheDirectory, "build-");
        Path rootfs = work.resolve("rootfs");
        try {
            Processes.run(
                    "env",
                    "http_proxy=http://" + AptProxy.ADDRESS + ":" + AptProxy.PORT,
                    "debootstrap",
                    "--variant=minbase",
                    "--include=" + PACKAGES,
                    "bookworm",
                    rootfs.toString(),
                    mirror.debianUri());
            customise(rootfs);
            Path partial = work.resolve("base.tar.zst");
            Processes.run(
                    "tar",
                    "--numeric-owner",
                    "--xattrs",
                    "-I",
                    "zstd -T0 -3",
                    "-C",
                    rootfs.toString(),
                    "-cf",
                    partial.toString(),
                    ".");
            Files.move(partial, tarball(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            removeOtherImages();
        } finally {
            Processes.run("rm", "-rf", "--one-file-system", work.toString());
        }
        LOG.info(
                "base image built in {} s",
                Duration.ofNanos(System.nanoTime() - started).toSeconds());
    }

    /**
     * A build whose process was killed leaves its work directory, and debootstrap's mounts of {@code /proc} and
     * {@code /sys} inside it. Under the lock no build runs, so every work directory is a leftover.
     */
    private void removeUnfinishedBuilds() throws IOException {
        try (DirectoryStream<Path> builds = Files.newDirectoryStream(cacheDirectory, "build-*")) {
            for (Path build : builds) {
                Mounts.under(build).forEach(mount -> Processes.exec(java.util.List.of("umount", "-l", mount)));
                Processes.run("rm", "-rf", "--one-file-system", build.toString());
                LOG.info("removed an unfinished base image build: {}", build);
            }
        }
    }

    private void removeOtherImages() throws IOException {
        try (DirectoryStream<Path> images = Files.newDirectoryStream(cacheDirectory, "debian12-base*.tar.zst")) {
            for (Path image : images) {
                if (!image.equals(tarball())) {
                    Files.deleteIfExists(image);
                }
            }
        }
    }

    /** What makes the debootstrap'ed tree a droplet image: cloud-init's seed source, no host keys, no identity. */
    private void customise(Path rootfs) throws IOException {
        Files.writeString(rootfs.resolve("etc/cloud/cloud.cfg.d/90-rainmaker-nocloud.cfg"), CLOUD_CONFIG);
        Files.writeString(rootfs.resolve("etc/apt/sources.list.d/debian.sources"), mirror.sources());
        Files.deleteIfExists(rootfs.resolve("etc/apt/sources.list"));
        Files.writeString(rootfs.resolve("etc/locale.gen"), "en_US.UTF-8 UTF-8\n");
        Files.writeString(rootfs.resolve("etc/default/locale"), "LANG=en_US.UTF-8\n");
        Processes.run("chroot", rootfs.toString(), "locale-gen");
        Files.writeString(rootfs.resolve("etc/machine-id"), "");
        Files.deleteIfExists(rootfs.resolve("etc/resolv.conf"));
        Files.writeString(rootfs.resolve("etc/resolv.conf"), RESOLV_CONF);
        Processes.run(
                "sh",
                "-c",
                "rm -f \"$1\"/etc/ssh/ssh_host_* \"$1\"/var/cache/apt/archives/*.deb && rm -rf \"$1\"/var/lib/apt/lists/*",
                "sh",
                rootfs.toString());
    }
}
