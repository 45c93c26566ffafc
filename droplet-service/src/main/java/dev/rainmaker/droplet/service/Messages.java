package dev.rainmaker.droplet.service;

/** Puts untrusted values into exception messages: short, on one line, printable. */
public final class Messages {

    private static final int MAX = 60;

    private Messages() {}

    public static String shorten(String value) {
        if (value == null) {
            return "null";
        }
        String printable = value.replaceAll("[^\\x20-\\x7E]", "?");
        return printable.length() <= MAX ? printable : printable.substring(0, MAX) + "...";
    }
}
