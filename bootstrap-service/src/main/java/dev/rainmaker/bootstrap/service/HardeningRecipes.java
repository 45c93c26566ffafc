package dev.rainmaker.bootstrap.service;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The recipe for a droplet's image, by DigitalOcean image slug: Debian and Ubuntu are the apt family; Rocky Linux,
 * AlmaLinux and CentOS Stream the dnf family. Anything else cannot be hardened, which no retry changes.
 */
@ApplicationScoped
public class HardeningRecipes {

    private final AptHardeningRecipe apt;
    private final DnfHardeningRecipe dnf;

    public HardeningRecipes(AptHardeningRecipe apt, DnfHardeningRecipe dnf) {
        this.apt = apt;
        this.dnf = dnf;
    }

    public HardeningRecipe forImage(String imageSlug) {
        String image = imageSlug == null ? "" : imageSlug;
        if (image.startsWith("debian-") || image.startsWith("ubuntu-")) {
            return apt;
        }
        if (image.startsWith("rockylinux-")
                || image.startsWith("rocky-")
                || image.startsWith("almalinux-")
                || image.startsWith("centos-stream-")) {
            return dnf;
        }
        throw new HardeningFailure("no hardening recipe for the droplet's image '" + image
                + "': known are debian-*, ubuntu-* (apt family) and rockylinux-*, almalinux-*, centos-stream-*"
                + " (dnf family)");
    }
}
