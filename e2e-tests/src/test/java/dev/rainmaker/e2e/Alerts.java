package dev.rainmaker.e2e;

import java.util.List;
import java.util.Map;

import dev.rainmaker.localcloud.prometheus.PrometheusApi;
import dev.rainmaker.localcloud.prometheus.PrometheusApi.Alert;

/** Prometheus' alerts from {@code deploy/prometheus/rules.yaml}, as the engineer on call is paged by them. */
record Alerts(PrometheusApi prometheus) {

    static final String SLO = "RainmakerSignupToReadySlow";
    static final String DEAD_LETTERS = "RainmakerDeadLetters";
    static final String SERVICE_DOWN = "RainmakerServiceDown";
    static final String SERVICE_UNAVAILABLE = "RainmakerServiceUnavailable";
    static final String CUSTOMERS_STUCK = "RainmakerCustomersStuck";

    /** Alerts firing, and the SLO alert even when only pending: what a normal run must not raise. */
    List<Alert> raised() {
        return prometheus.alerts().stream()
                .filter(alert -> alert.firing() || alert.name().equals(SLO))
                .toList();
    }

    /** The labels of each firing alert of that name. */
    List<Map<String, String>> firing(String name) {
        return prometheus.alerts().stream()
                .filter(alert -> alert.name().equals(name) && alert.firing())
                .map(Alert::labels)
                .toList();
    }
}
