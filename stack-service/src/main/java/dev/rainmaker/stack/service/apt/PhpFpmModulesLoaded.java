package dev.rainmaker.stack.service.apt;

import java.util.List;

import dev.rainmaker.hostaccess.CommandOutput;
import dev.rainmaker.stack.service.HostStep;

/** PHP-FPM loads OPcache, APCu and mysqli. A verification: the packages bring them. */
public record PhpFpmModulesLoaded(String phpVersion) implements HostStep {

    public PhpFpmModulesLoaded {
        if (!phpVersion.matches("[0-9]\\.[0-9]")) {
            throw new IllegalArgumentException("'" + phpVersion + "' is not a PHP version such as 8.2");
        }
    }

    private static final List<String> MODULES = List.of("Zend OPcache", "apcu", "mysqli");

    @Override
    public String name() {
        return "php-fpm loads OPcache, APCu and mysqli";
    }

    @Override
    public String check() {
        return "php-fpm" + phpVersion + " -m";
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
