package dev.rainmaker.events.signup;

/** Values quoted back in a problem: printable ASCII only, and short, whatever the sender put in them. */
final class Printable {

    private static final int MAX = 60;

    private Printable() {}

    static String shorten(String value) {
        if (value == null) {
            return "null";
        }
        String printable = value.replaceAll("[^\\x20-\\x7E]", "?");
        return printable.length() <= MAX ? printable : printable.substring(0, MAX) + "...";
    }
}
