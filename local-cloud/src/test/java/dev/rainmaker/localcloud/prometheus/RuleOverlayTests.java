package dev.rainmaker.localcloud.prometheus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import static org.assertj.core.api.Assertions.assertThat;

class RuleOverlayTests {

    @Test
    void shortensEveryAlertsLongerForAndChangesNothingElse(@TempDir Path directory) throws IOException {
        Path rules = TestRules.file();

        Path overlay = RuleOverlay.write(rules, Duration.ofSeconds(2), directory.resolve("overlay.yaml"));

        Map<String, Object> original = load(rules);
        Map<String, Object> rewritten = load(overlay);
        List<Map<String, Object>> originalRules = rulesOf(original);
        List<Map<String, Object>> rewrittenRules = rulesOf(rewritten);
        assertThat(rewrittenRules).hasSameSizeAs(originalRules).isNotEmpty();
        for (int i = 0; i < originalRules.size(); i++) {
            Map<String, Object> before = originalRules.get(i);
            Map<String, Object> after = rewrittenRules.get(i);
            int index = i;
            assertThat(after.keySet()).as("keys of rule %d", i).isEqualTo(before.keySet());
            before.forEach((key, value) -> {
                if (key.equals("for") && !String.valueOf(value).matches("0[a-z]*")) {
                    assertThat(after.get(key))
                            .as("for: of %s", before.get("alert"))
                            .isEqualTo("2000ms");
                } else {
                    assertThat(after.get(key)).as("%s of rule %d", key, index).isEqualTo(value);
                }
            });
        }
        assertThat(originalRules).anySatisfy(rule -> assertThat(rule).containsKey("for"));
    }

    @Test
    void readsPrometheusDurations() {
        assertThat(PrometheusDurations.parse("0m")).isZero();
        assertThat(PrometheusDurations.parse("15m")).isEqualTo(Duration.ofMinutes(15));
        assertThat(PrometheusDurations.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(PrometheusDurations.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PrometheusDurations.parse("5 minutes"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Map<String, Object> load(Path file) throws IOException {
        return new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rulesOf(Map<String, Object> document) {
        return ((List<Map<String, Object>>) document.get("groups"))
                .stream()
                        .flatMap(group -> ((List<Map<String, Object>>) group.get("rules")).stream())
                        .toList();
    }
}
