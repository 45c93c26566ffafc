package dev.rainmaker.stack.service.apt;

import java.util.Locale;
import java.util.Optional;

/** A distribution of the apt family: what its image slugs start with, and the PHP it ships. */
public record AptDistribution(String name, String phpVersion, boolean shipsMysqlServer) {

    public static final AptDistribution DEBIAN_12 = new AptDistribution("Debian 12", "8.2", false);
    public static final AptDistribution UBUNTU_22_04 = new AptDistribution("Ubuntu 22.04", "8.1", true);
    public static final AptDistribution UBUNTU_24_04 = new AptDistribution("Ubuntu 24.04", "8.3", true);

    public static Optional<AptDistribution> forImage(String image) {
        String slug = image == null ? "" : image.toLowerCase(Locale.ROOT);
        if (slug.startsWith("debian-12")) {
            return Optional.of(DEBIAN_12);
        }
        if (slug.startsWith("ubuntu-22-04")) {
            return Optional.of(UBUNTU_22_04);
        }
        if (slug.startsWith("ubuntu-24-04")) {
            return Optional.of(UBUNTU_24_04);
        }
        return Optional.empty();
    }

    /** The PHP-FPM systemd unit and program, e.g. {@code php8.2-fpm}. */
    public String phpFpm() {
        return "php" + phpVersion + "-fpm";
    }
}
