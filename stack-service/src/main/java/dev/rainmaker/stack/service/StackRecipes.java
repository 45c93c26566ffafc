package dev.rainmaker.stack.service;

import java.util.Locale;
import java.util.Optional;

import dev.rainmaker.stack.domain.DatabaseEngine;
import dev.rainmaker.stack.domain.StackOptions;
import dev.rainmaker.stack.service.apt.AptDistribution;
import dev.rainmaker.stack.service.apt.AptStack;
import dev.rainmaker.stack.service.dnf.EnterpriseLinuxStack;

/**
 * Which recipe builds the stack on a droplet, by its image slug, with the plan's options; what no recipe can do on that
 * image is refused before anything is installed.
 */
public final class StackRecipes {

    private StackRecipes() {}

    /** @throws PermanentFailure for an image no recipe knows, or options its distribution cannot meet */
    public static StackRecipe forImage(String image, StackOptions options) {
        String slug = image == null ? "" : image.toLowerCase(Locale.ROOT);
        Optional<AptDistribution> apt = AptDistribution.forImage(slug);
        if (apt.isPresent()) {
            if (options.database() == DatabaseEngine.MYSQL && !apt.get().shipsMysqlServer()) {
                throw new PermanentFailure("plan '" + options.plan() + "' asks for MySQL, but image " + image
                        + " is " + apt.get().name() + ", which ships no MySQL server (only MariaDB): give the plan"
                        + " database=mariadb or an Ubuntu image");
            }
            return new AptStack(apt.get(), options);
        }
        if (slug.startsWith("rocky-9") || slug.startsWith("almalinux-9")) {
            if (options.database() == DatabaseEngine.MYSQL) {
                throw new PermanentFailure("plan '" + options.plan() + "' asks for MySQL, but the stack recipe for "
                        + image + " (dnf family) installs MariaDB only");
            }
            return new EnterpriseLinuxStack(options);
        }
        throw new PermanentFailure("no stack recipe for image '" + image
                + "': known are debian-12-*, ubuntu-22-04-*, ubuntu-24-04-* (apt) and rocky-9-*, almalinux-9-* (dnf)");
    }
}
