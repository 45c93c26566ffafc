package dev.rainmaker.status.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A customer as the API answers it: the stored status with its age and whether it is stuck. The list leaves the
 * timeline out ({@code null}, not written).
 */
public record CustomerView(
        String customerId,
        String email,
        String contactName,
        String plan,
        State state,
        Stage stage,
        Instant since,
        double ageSeconds,
        boolean stuck,
        String reason,
        String failure,
        Stage failedStage,
        DropletView droplet,
        Map<String, String> components,
        String appUrl,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<TimelineEntry> timeline) {

    public CustomerView withoutTimeline() {
        return new CustomerView(
                customerId,
                email,
                contactName,
                plan,
                state,
                stage,
                since,
                ageSeconds,
                stuck,
                reason,
                failure,
                failedStage,
                droplet,
                components,
                appUrl,
                null);
    }
}
