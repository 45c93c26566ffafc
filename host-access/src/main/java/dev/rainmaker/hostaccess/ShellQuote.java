package dev.rainmaker.hostaccess;

/**
 * The one way a value reaches a shell: as a single-quoted word, inside which the shell interprets nothing. A single
 * quote in the value ends the quoted part, adds an escaped quote, and starts a new quoted part.
 */
public final class ShellQuote {

    private ShellQuote() {}

    public static String quote(String value) {
        if (value == null) {
            throw new IllegalArgumentException("cannot quote a missing value for the shell");
        }
        if (value.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("a value for the shell contains a NUL character");
        }
        return "'" + value.replace("'", "'\\''") + "'";
    }
}
