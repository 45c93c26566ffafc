package dev.rainmaker.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The properties a module's {@code @ConfigMapping} interfaces declare at their top level ({@code prefix} and each
 * method's name in kebab case), read from the source: deploy-checks does not run the services. Nested groups and
 * maps are not followed; a variable setting one of them is not recognised and must be declared another way.
 */
final class ConfigMappings {

    private static final Pattern PREFIX = Pattern.compile("@ConfigMapping\\(prefix = \"([^\"]+)\"\\)");
    private static final Pattern TOP_LEVEL_METHOD = Pattern.compile("(?m)^    [\\w<>,. ?]+ (\\w+)\\(\\);");

    private ConfigMappings() {}

    /** The properties declared in {@code module}'s main sources. */
    static Set<String> of(String module) {
        Set<String> properties = new TreeSet<>();
        Path sources = DeployFiles.ROOT.resolve(module).resolve("src/main/java");
        if (!Files.isDirectory(sources)) {
            return properties;
        }
        try (Stream<Path> files = Files.walk(sources)) {
            files.filter(file -> file.toString().endsWith(".java"))
                    .map(DeployFiles::read)
                    .forEach(source -> {
                        Matcher prefix = PREFIX.matcher(source);
                        if (prefix.find()) {
                            Matcher method = TOP_LEVEL_METHOD.matcher(source);
                            while (method.find()) {
                                properties.add(prefix.group(1) + "." + kebab(method.group(1)));
                            }
                        }
                    });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    private static String kebab(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
