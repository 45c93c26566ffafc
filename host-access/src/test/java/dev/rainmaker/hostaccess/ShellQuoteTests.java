package dev.rainmaker.hostaccess;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ShellQuoteTests {

    @TempDir
    static Path dir;

    @Test
    void wrapsAPlainValueInSingleQuotes() {
        assertThat(ShellQuote.quote("c_acme_42")).isEqualTo("'c_acme_42'");
    }

    @Test
    void closesEscapesAndReopensAroundASingleQuote() {
        assertThat(ShellQuote.quote("it's")).isEqualTo("'it'\\''s'");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "'; touch MARKER #",
                "$(touch MARKER)",
                "`touch MARKER`",
                "x\ntouch MARKER",
                "\\'; touch MARKER; echo '",
                "\" && touch MARKER && echo \"",
                "${IFS}touch${IFS}MARKER",
                "--help; touch MARKER",
                "*",
                ""
            })
    void hostileValuesReachARealShellAsInertLiterals(String template) throws Exception {
        Path marker = dir.resolve("marker-" + Integer.toHexString(template.hashCode()));
        String hostile = template.replace("MARKER", marker.toString());

        Process sh = new ProcessBuilder("sh", "-c", "printf '%s' " + ShellQuote.quote(hostile))
                .directory(dir.toFile())
                .start();
        String printed = new String(sh.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(sh.waitFor()).isZero();
        assertThat(printed).isEqualTo(hostile);
        assertThat(Files.exists(marker)).as("the value ran a command").isFalse();
    }

    @Test
    void refusesAValueWithANulCharacter() {
        assertThatThrownBy(() -> ShellQuote.quote("a\0b"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NUL");
    }

    @Test
    void refusesAMissingValue() {
        assertThatThrownBy(() -> ShellQuote.quote(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
