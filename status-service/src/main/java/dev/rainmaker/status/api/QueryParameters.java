package dev.rainmaker.status.api;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import dev.rainmaker.status.domain.Stage;
import dev.rainmaker.status.domain.State;
import dev.rainmaker.status.service.CustomerQuery;

/** The list's query parameters read strictly: a value that means nothing is a 400 saying which and why. */
final class QueryParameters {

    private QueryParameters() {}

    static CustomerQuery customers(String state, String stage, String stuck, String q) {
        try {
            return new CustomerQuery(
                    blank(state) ? null : State.of(state),
                    blank(stage) ? null : Stage.of(stage),
                    blank(stuck) ? null : bool("stuck", stuck),
                    blank(q) ? null : q);
        } catch (IllegalArgumentException e) {
            throw Problems.badQuery(e.getMessage());
        }
    }

    static int number(String name, String value, int fallback, int min, int max) {
        if (blank(value)) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.trim());
            if (number < min || number > max) {
                throw Problems.badQuery(name + " must be between " + min + " and " + max + ", not " + number);
            }
            return number;
        } catch (NumberFormatException e) {
            throw Problems.badQuery(name + " must be a whole number, not '" + value + "'");
        }
    }

    /** The filter parameters again, for a peer. */
    static String encode(String state, String stage, String stuck, String q) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("state", state);
        parameters.put("stage", stage);
        parameters.put("stuck", stuck);
        parameters.put("q", q);
        return parameters.entrySet().stream()
                .filter(parameter -> !blank(parameter.getValue()))
                .map(parameter ->
                        parameter.getKey() + "=" + URLEncoder.encode(parameter.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static boolean bool(String name, String value) {
        return switch (value.trim().toLowerCase()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(name + " must be true or false, not '" + value + "'");
        };
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
