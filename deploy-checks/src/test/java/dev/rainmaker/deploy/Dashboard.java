package dev.rainmaker.deploy;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** deploy/grafana/rainmaker.json as the tests read it: its panels, their queries, its template variables. */
record Dashboard(JsonNode model) {

    static Dashboard load() {
        return new Dashboard(DeployFiles.json(DeployFiles.DASHBOARD));
    }

    List<JsonNode> panels() {
        List<JsonNode> panels = new ArrayList<>();
        model.path("panels").forEach(panels::add);
        return panels;
    }

    List<String> queries() {
        List<String> queries = new ArrayList<>();
        for (JsonNode panel : panels()) {
            panel.path("targets")
                    .forEach(target -> queries.add(target.path("expr").asText()));
        }
        return queries;
    }

    /** The queries as Prometheus gets them with every variable at {@code value}, as Grafana's "All" sends. */
    List<String> queriesWithVariablesAt(String value) {
        return queries().stream()
                .map(query -> query.replace("$namespace", value).replace("$instance", value))
                .toList();
    }

    List<String> variableNames() {
        List<String> names = new ArrayList<>();
        model.path("templating")
                .path("list")
                .forEach(variable -> names.add(variable.path("name").asText()));
        return names;
    }

    JsonNode variable(String name) {
        for (JsonNode variable : model.path("templating").path("list")) {
            if (name.equals(variable.path("name").asText())) {
                return variable;
            }
        }
        throw new IllegalArgumentException("no template variable " + name);
    }
}
