package dev.rainmaker.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Every query of a Grafana dashboard's panels (rows' panels too), as Prometheus can evaluate it: each template
 * variable ({@code $name}, {@code ${name}}, {@code ${name:format}}, {@code [[name]]}) matching anything ({@code .*}),
 * and Grafana's interval variables ({@code $__rate_interval}, {@code $__interval}, {@code $__range}) one minute.
 */
final class DashboardQueries {

    /** One query of one panel, as written in the dashboard and as sent to Prometheus. */
    record PanelQuery(String panel, String refId, String written, String expression) {

        @Override
        public String toString() {
            return "panel '" + panel + "' query " + refId + ": " + expression;
        }
    }

    private static final Pattern GRAFANA_INTERVAL = Pattern.compile("\\$\\{?__(rate_interval|interval|range)\\}?");

    private DashboardQueries() {}

    static List<PanelQuery> of(Path dashboard) {
        try {
            JsonObject json = new JsonObject(Files.readString(dashboard));
            List<String> variables =
                    json.getJsonObject("templating", new JsonObject()).getJsonArray("list", new JsonArray()).stream()
                            .map(JsonObject.class::cast)
                            .map(variable -> variable.getString("name"))
                            .toList();
            List<PanelQuery> queries = new ArrayList<>();
            collect(json.getJsonArray("panels", new JsonArray()), variables, queries);
            return queries;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the dashboard " + dashboard, e);
        }
    }

    private static void collect(JsonArray panels, List<String> variables, List<PanelQuery> queries) {
        for (Object item : panels) {
            JsonObject panel = (JsonObject) item;
            collect(panel.getJsonArray("panels", new JsonArray()), variables, queries);
            for (Object target : panel.getJsonArray("targets", new JsonArray())) {
                JsonObject query = (JsonObject) target;
                String written = query.getString("expr", "");
                if (!written.isBlank() && !query.getBoolean("hide", false)) {
                    queries.add(new PanelQuery(
                            panel.getString("title", "(untitled)"),
                            query.getString("refId", "?"),
                            written,
                            substituted(written, variables)));
                }
            }
        }
    }

    static String substituted(String expression, List<String> variables) {
        String result = GRAFANA_INTERVAL.matcher(expression).replaceAll("1m");
        for (String name : variables) {
            String quoted = Pattern.quote(name);
            result = result.replaceAll(
                    "\\$\\{" + quoted + "(:[^}]*)?\\}|\\[\\[" + quoted + "\\]\\]|\\$" + quoted + "\\b",
                    Matcher.quoteReplacement(".*"));
        }
        return result;
    }
}
