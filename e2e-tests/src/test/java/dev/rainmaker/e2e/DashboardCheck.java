package dev.rainmaker.e2e;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.rainmaker.e2e.DashboardQueries.PanelQuery;
import dev.rainmaker.localcloud.prometheus.PrometheusApi;

/** Each query of a dashboard's panels evaluated by a real Prometheus: which return no series, or are refused. */
final class DashboardCheck {

    private final List<PanelQuery> queries;
    private final PrometheusApi prometheus;

    private DashboardCheck(List<PanelQuery> queries, PrometheusApi prometheus) {
        this.queries = queries;
        this.prometheus = prometheus;
    }

    static DashboardCheck of(Path dashboard, PrometheusApi prometheus) {
        List<PanelQuery> queries = DashboardQueries.of(dashboard);
        if (queries.isEmpty()) {
            throw new IllegalStateException("no panel query to check in " + dashboard);
        }
        return new DashboardCheck(List.copyOf(queries), prometheus);
    }

    int checked() {
        return queries.size();
    }

    /** Queries that return no series, or that Prometheus refuses (with its reason). */
    List<String> withoutData() {
        List<String> dead = new ArrayList<>();
        for (PanelQuery query : queries) {
            try {
                if (prometheus.query(query.expression()).isEmpty()) {
                    dead.add(query + " -> no series");
                }
            } catch (IllegalArgumentException refused) {
                dead.add(query + " -> " + refused.getMessage());
            }
        }
        return dead;
    }
}
