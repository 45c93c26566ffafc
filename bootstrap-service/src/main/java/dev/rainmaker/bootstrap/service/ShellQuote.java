package dev.rainmaker.bootstrap.service;

/** The one way a value reaches a host's shell: as a single-quoted word, so the shell reads it as a literal. */
public final class ShellQuote {

    private ShellQuote() {}

    public static String quote(String value) {
        return "'" + value.replace("'", "'\\''") + "'";
    }
}
