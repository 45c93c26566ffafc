package dev.rainmaker.localcloud.prometheus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.representer.Representer;

/**
 * A Prometheus rules file with every alert's {@code for:} shortened, and nothing else changed: the same groups, the
 * same expressions, labels and annotations. A test cannot wait the ten minutes an on-call rule waits before it pages,
 * but it must exercise the expressions that page. A {@code for:} already shorter (e.g. {@code 0m}) stays as it is.
 */
public final class RuleOverlay {

    private RuleOverlay() {}

    /** Writes {@code rules} to {@code overlay} with each alert's {@code for:} at most {@code pendingFor}. */
    public static Path write(Path rules, Duration pendingFor, Path overlay) {
        try {
            Map<String, Object> document = yaml().load(Files.readString(rules));
            for (Map<String, Object> group : listOfMaps(document.get("groups"), rules)) {
                for (Map<String, Object> rule : listOfMaps(group.get("rules"), rules)) {
                    if (rule.containsKey("alert")
                            && rule.containsKey("for")
                            && PrometheusDurations.parse(String.valueOf(rule.get("for")))
                                            .compareTo(pendingFor)
                                    > 0) {
                        rule.put("for", pendingFor.toMillis() + "ms");
                    }
                }
            }
            Files.createDirectories(overlay.toAbsolutePath().getParent());
            Files.writeString(
                    overlay,
                    "# Generated from " + rules + " with every longer for: cut to " + pendingFor.toMillis()
                            + "ms; do not edit.\n" + yaml().dump(document));
            return overlay;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the rules overlay " + overlay, e);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> listOfMaps(Object value, Path rules) {
        if (!(value instanceof List<?> list)) {
            throw new IllegalArgumentException(rules + " is not a Prometheus rules file: groups and rules are lists");
        }
        return (List<Map<String, Object>>) list;
    }

    private static Yaml yaml() {
        DumperOptions dumper = new DumperOptions();
        dumper.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        dumper.setWidth(200);
        return new Yaml(new SafeConstructor(new LoaderOptions()), new Representer(dumper), dumper);
    }
}
