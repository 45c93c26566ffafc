package dev.rainmaker.localcloud.digitalocean;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DigitalOceanRateLimitTests {

    private static final String TOKEN = "dop_v1_limits";

    private DigitalOceanStandIn api;

    @AfterEach
    void stop() {
        if (api != null) {
            api.close();
        }
    }

    @Test
    void realLimitsAreDigitalOceansAndEveryAnswerCarriesTheHourlyHeaders() throws Exception {
        StandInHttp http = start(DigitalOceanLimits.real());
        long before = Instant.now().getEpochSecond();

        HttpResponse<String> first = http.get("/v2/account");
        HttpResponse<String> unauthorized = new StandInHttp(api, "wrong").get("/v2/account");

        assertThat(api.limits()).isEqualTo(new DigitalOceanLimits(250, 5_000));
        assertThat(first.headers().firstValue("ratelimit-limit")).contains("5000");
        assertThat(first.headers().firstValue("ratelimit-remaining")).contains("4999");
        long reset =
                Long.parseLong(first.headers().firstValue("ratelimit-reset").orElseThrow());
        assertThat(reset).isBetween(before + 3_600, before + 3_602);
        assertThat(unauthorized.statusCode()).isEqualTo(401);
        assertThat(unauthorized.headers().firstValue("ratelimit-limit")).contains("5000");
    }

    @Test
    void beyondTheBurstLimitEachRequestIs429WithRetryAfterUntilAMinuteHasPassed() throws Exception {
        StandInHttp http = start(new DigitalOceanLimits(3, 100));

        for (int i = 0; i < 3; i++) {
            assertThat(http.get("/v2/account").statusCode()).isEqualTo(200);
        }
        HttpResponse<String> limited = http.get("/v2/droplets");
        HttpResponse<String> stillLimited = http.get("/v2/droplets");

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(new JsonObject(limited.body()))
                .isEqualTo(new JsonObject().put("id", "too_many_requests").put("message", "API Rate limit exceeded."));
        assertThat(limited.headers().firstValue("retry-after").map(Long::parseLong))
                .hasValueSatisfying(seconds -> assertThat(seconds).isBetween(59L, 60L));
        assertThat(limited.headers().firstValue("ratelimit-remaining")).contains("0");
        assertThat(limited.headers().firstValue("ratelimit-limit")).contains("100");
        assertThat(stillLimited.statusCode()).isEqualTo(429);
        assertThat(api.rateLimited(TOKEN)).isEqualTo(2);
        assertThat(api.apiCalls(TOKEN)).isEqualTo(5);
    }

    @Test
    void beyondTheHourlyLimitRequestsAre429WithoutRetryAfterAndTheResetSaysWhen() throws Exception {
        StandInHttp http = start(new DigitalOceanLimits(100, 2));

        http.get("/v2/account");
        HttpResponse<String> last = http.get("/v2/account");
        HttpResponse<String> limited = http.get("/v2/account");

        assertThat(last.headers().firstValue("ratelimit-remaining")).contains("0");
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("retry-after")).isEmpty();
        assertThat(limited.headers().firstValue("ratelimit-reset"))
                .isEqualTo(last.headers().firstValue("ratelimit-reset"));
        assertThat(api.rateLimited(TOKEN)).isEqualTo(1);
    }

    @Test
    void eachTokenHasItsOwnLimits() throws Exception {
        StandInHttp http = start(new DigitalOceanLimits(1, 100));
        StandInHttp other = new StandInHttp(api, "someone-else");

        http.get("/v2/account");
        other.get("/v2/account");

        assertThat(http.get("/v2/account").statusCode()).isEqualTo(429);
        assertThat(api.rateLimited(TOKEN)).isEqualTo(1);
        assertThat(api.rateLimited("someone-else")).isZero();
    }

    @Test
    void offNeverAnswers429() throws Exception {
        StandInHttp http = start(DigitalOceanLimits.off());

        for (int i = 0; i < 300; i++) {
            assertThat(http.get("/v2/account").statusCode()).isEqualTo(200);
        }
        assertThat(api.rateLimited(TOKEN)).isZero();
    }

    private StandInHttp start(DigitalOceanLimits limits) {
        api = DigitalOceanStandIn.builder()
                .token(TOKEN)
                .bootDelay(Duration.ofMillis(100))
                .hostProvider(new LoopbackHosts())
                .limits(limits)
                .build()
                .start();
        return new StandInHttp(api, TOKEN);
    }
}
