package dev.rainmaker.localcloud.hosts.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a command line the way a POSIX shell would, for the small subset the services send: words, single and double
 * quotes, backslash escapes, leading {@code NAME=value} assignments, one trailing {@code >} or {@code >>} redirection,
 * and lists joined by {@code &&}. Anything else that a shell would interpret (expansions, pipes, subshells, {@code ;})
 * makes {@link #parse} return empty, so the models never understand a command a real shell would read differently.
 */
public final class ShellWords {

    private ShellWords() {}

    /** A simple command: its environment assignments, its words, and where its standard output goes (may be null). */
    public record SimpleCommand(Map<String, String> environment, List<String> words, Redirect redirect) {

        public String word(int index) {
            return index < words.size() ? words.get(index) : "";
        }

        public boolean startsWith(String... prefix) {
            if (words.size() < prefix.length) {
                return false;
            }
            for (int i = 0; i < prefix.length; i++) {
                if (!words.get(i).equals(prefix[i])) {
                    return false;
                }
            }
            return true;
        }

        public List<String> wordsFrom(int index) {
            return index < words.size() ? words.subList(index, words.size()) : List.of();
        }
    }

    /** Standard output written to {@code path}, appended or replacing its content. */
    public record Redirect(String path, boolean append) {}

    /** Splits a command at each unquoted {@code &&}; a command without one is returned as the only element. */
    public static List<String> splitAndList(String command) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        char quote = 0;
        for (int i = 0; i < command.length(); i++) {
            char c = command.charAt(i);
            if (quote == 0 && c == '\\' && i + 1 < command.length()) {
                current.append(c).append(command.charAt(++i));
                continue;
            }
            if (quote == 0 && (c == '\'' || c == '"')) {
                quote = c;
            } else if (quote != 0 && c == quote) {
                quote = 0;
            } else if (quote == 0 && c == '&' && i + 1 < command.length() && command.charAt(i + 1) == '&') {
                parts.add(current.toString().trim());
                current.setLength(0);
                i++;
                continue;
            }
            current.append(c);
        }
        parts.add(current.toString().trim());
        return parts;
    }

    /** Reads one simple command; empty when it uses shell syntax beyond the supported subset or is malformed. */
    public static Optional<SimpleCommand> parse(String command) {
        List<String> tokens = new ArrayList<>();
        List<Boolean> operator = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        int i = 0;
        while (i < command.length()) {
            char c = command.charAt(i);
            if (c == '\'') {
                int end = command.indexOf('\'', i + 1);
                if (end < 0) {
                    return Optional.empty();
                }
                word.append(command, i + 1, end);
                inWord = true;
                i = end + 1;
            } else if (c == '"') {
                int end = readDoubleQuoted(command, i + 1, word);
                if (end < 0) {
                    return Optional.empty();
                }
                inWord = true;
                i = end + 1;
            } else if (c == '\\') {
                if (i + 1 >= command.length()) {
                    return Optional.empty();
                }
                word.append(command.charAt(i + 1));
                inWord = true;
                i += 2;
            } else if (c == ' ' || c == '\t') {
                if (inWord) {
                    tokens.add(word.toString());
                    operator.add(false);
                    word.setLength(0);
                    inWord = false;
                }
                i++;
            } else if (c == '>') {
                if (inWord) {
                    return Optional.empty();
                }
                boolean append = i + 1 < command.length() && command.charAt(i + 1) == '>';
                tokens.add(append ? ">>" : ">");
                operator.add(true);
                i += append ? 2 : 1;
            } else if ("$`|;&<>()\n*?[]{}~#!".indexOf(c) >= 0) {
                return Optional.empty();
            } else {
                word.append(c);
                inWord = true;
                i++;
            }
        }
        if (inWord) {
            tokens.add(word.toString());
            operator.add(false);
        }
        return build(tokens, operator);
    }

    private static int readDoubleQuoted(String command, int start, StringBuilder word) {
        for (int i = start; i < command.length(); i++) {
            char c = command.charAt(i);
            if (c == '"') {
                return i;
            }
            if (c == '$' || c == '`') {
                return -1;
            }
            if (c == '\\' && i + 1 < command.length() && "\\\"$`".indexOf(command.charAt(i + 1)) >= 0) {
                word.append(command.charAt(++i));
            } else {
                word.append(c);
            }
        }
        return -1;
    }

    private static Optional<SimpleCommand> build(List<String> tokens, List<Boolean> operator) {
        Map<String, String> environment = new LinkedHashMap<>();
        List<String> words = new ArrayList<>();
        Redirect redirect = null;
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            if (operator.get(i)) {
                if (redirect != null || i + 1 >= tokens.size() || operator.get(i + 1) || i + 2 != tokens.size()) {
                    return Optional.empty();
                }
                redirect = new Redirect(tokens.get(i + 1), token.equals(">>"));
                break;
            }
            if (words.isEmpty() && token.matches("[A-Za-z_][A-Za-z0-9_]*=.*")) {
                int eq = token.indexOf('=');
                environment.put(token.substring(0, eq), token.substring(eq + 1));
            } else {
                words.add(token);
            }
        }
        if (words.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new SimpleCommand(Map.copyOf(environment), List.copyOf(words), redirect));
    }
}
