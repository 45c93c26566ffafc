package dev.rainmaker.stack.service.dnf;

import java.util.List;

import dev.rainmaker.hostaccess.CommandOutput;
import dev.rainmaker.stack.service.HostStep;

/** PHP-FPM loads OPcache, APCu and mysqli. A verification: the packages bring them. */
public record PhpModulesLoaded() implements HostStep {

    private static final List<String> MODULES = List.of("Zend OPcache", "apcu", "mysqli");

    @Override
    public String name() {
        return "php-fpm loads OPcache, APCu and mysqli";
    }

    @Override
    public String check() {
        return "php-fpm -m";
    }

    @Override
    public boolean satisfiedBy(CommandOutput output) {
        List<String> loaded = output.stdout().lines().map(String::trim).toList();
        return output.succeeded() && loaded.containsAll(MODULES);
    }

    @Override
    public List<String> apply() {
        return List.of();
    }
}
