package dev.rainmaker.localcloud.hosts.model;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a command line into words the way a POSIX shell would for the small subset the stack's commands use: bare
 * words, {@code \X} (literal X), {@code '...'} (literal), {@code "..."} (with {@code $(cat FILE)} substituted), adjacent parts joined into one
 * word, and the operators {@code >} and {@code |} as words of their own. Anything else ({@code $} outside double
 * quotes, {@code ;}, {@code &}, backticks) is refused, so a command outside that subset is never guessed
 * at.
 */
final class StackShellWords {

    private static final Pattern CAT_SUBSTITUTION = Pattern.compile("\\$\\(cat (/[A-Za-z0-9._/-]+)\\)");

    private StackShellWords() {}

    /**
     * @param readFile gives a file's content for {@code $(cat FILE)}, or null when the file does not exist
     * @throws IllegalArgumentException when the line uses shell syntax outside the subset
     */
    static List<String> split(String line, UnaryOperator<String> readFile) {
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == ' ' || c == '\t') {
                if (word != null) {
                    words.add(word.toString());
                    word = null;
                }
                i++;
            } else if (c == '>' || c == '|') {
                if (word != null) {
                    words.add(word.toString());
                    word = null;
                }
                words.add(String.valueOf(c));
                i++;
            } else if (c == '\'') {
                int end = line.indexOf('\'', i + 1);
                if (end < 0) {
                    throw new IllegalArgumentException("unterminated single quote");
                }
                word = append(word, line.substring(i + 1, end));
                i = end + 1;
            } else if (c == '"') {
                int end = line.indexOf('"', i + 1);
                if (end < 0) {
                    throw new IllegalArgumentException("unterminated double quote");
                }
                word = append(word, substitute(line.substring(i + 1, end), readFile));
                i = end + 1;
            } else if (c == '\\' && i + 1 < line.length()) {
                word = append(word, String.valueOf(line.charAt(i + 1)));
                i += 2;
            } else if ("\\$`;&<()".indexOf(c) >= 0) {
                throw new IllegalArgumentException("shell syntax '" + c + "' is outside what this host models");
            } else {
                word = append(word, String.valueOf(c));
                i++;
            }
        }
        if (word != null) {
            words.add(word.toString());
        }
        return words;
    }

    private static StringBuilder append(StringBuilder word, String part) {
        return (word == null ? new StringBuilder() : word).append(part);
    }

    private static String substitute(String doubleQuoted, UnaryOperator<String> readFile) {
        String rest = CAT_SUBSTITUTION.matcher(doubleQuoted).replaceAll("");
        if (rest.contains("$") || rest.contains("`") || rest.contains("\\")) {
            throw new IllegalArgumentException("only $(cat FILE) is modelled inside double quotes");
        }
        Matcher m = CAT_SUBSTITUTION.matcher(doubleQuoted);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String content = readFile.apply(m.group(1));
            // The shell drops trailing newlines of a command substitution.
            String value = content == null ? "" : content.replaceAll("\n+$", "");
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
