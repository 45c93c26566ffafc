package dev.rainmaker.localcloud.digitalocean;

import java.math.BigDecimal;
import java.math.RoundingMode;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** A droplet size of the stand-in's catalogue with its resources and prices (US dollars). */
public record CatalogueSize(String slug, int memoryMegabytes, int vcpus, int diskGigabytes, double priceMonthly) {

    private static final BigDecimal HOURS_PER_MONTH = BigDecimal.valueOf(672);

    /** As DigitalOcean computes it: the monthly price spread over 672 hours, rounded to keep the JSON exact. */
    double priceHourly() {
        return BigDecimal.valueOf(priceMonthly)
                .divide(HOURS_PER_MONTH, 5, RoundingMode.HALF_UP)
                .doubleValue();
    }

    JsonObject toJson(Catalogue catalogue) {
        return new JsonObject()
                .put("slug", slug)
                .put("memory", memoryMegabytes)
                .put("vcpus", vcpus)
                .put("disk", diskGigabytes)
                .put("transfer", 1.0)
                .put("price_monthly", priceMonthly)
                .put("price_hourly", priceHourly())
                .put("regions", new JsonArray(catalogue.regionsOffering(slug)))
                .put("available", true)
                .put("description", "Basic");
    }
}
