package dev.rainmaker.localcloud.digitalocean;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.stream.IntStream;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class DigitalOceanCapacityTests {

    private static final String TOKEN = "dop_v1_capacity";
    private static final int CUSTOMERS = 1_000;
    private static final int IN_FLIGHT = 200;

    @Test
    void aThousandCustomersCreatedConcurrentlyAreAllActiveAndListedInFivePages() throws Exception {
        try (DigitalOceanStandIn api = DigitalOceanStandIn.builder()
                        .token(TOKEN)
                        .bootDelay(Duration.ofMillis(500))
                        .hostProvider(new LoopbackHosts())
                        .limits(DigitalOceanLimits.off())
                        .build()
                        .start();
                ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            StandInHttp http = new StandInHttp(api, TOKEN);
            Semaphore inFlight = new Semaphore(IN_FLIGHT);
            long started = System.nanoTime();

            List<Future<Integer>> creates = new ArrayList<>();
            for (int customer = 0; customer < CUSTOMERS; customer++) {
                String id = "c" + customer;
                creates.add(threads.submit(() ->
                        http.post("/v2/droplets", StandInHttp.dropletBody(id)).statusCode()));
            }
            for (Future<Integer> create : creates) {
                assertThat(create.get()).isEqualTo(202);
            }
            await().atMost(Duration.ofSeconds(20))
                    .until(() ->
                            api.droplets().stream().allMatch(d -> d.status().equals("active")));
            List<Future<Integer>> reads = IntStream.range(0, CUSTOMERS)
                    .mapToObj(customer ->
                            threads.submit(() -> http.get("/v2/droplets?tag_name=rainmaker-customer-c" + customer)
                                    .statusCode()))
                    .toList();
            for (Future<Integer> read : reads) {
                assertThat(read.get()).isEqualTo(200);
            }
            int listed = 0;
            String page = "/v2/droplets?tag_name=rainmaker&per_page=200";
            int pages = 0;
            while (page != null) {
                JsonObject answer = new JsonObject(http.get(page).body());
                listed += answer.getJsonArray("droplets").size();
                pages++;
                JsonObject links = answer.getJsonObject("links").getJsonObject("pages", new JsonObject());
                page = links.getString("next");
            }

            assertThat(listed).isEqualTo(CUSTOMERS);
            assertThat(pages).isEqualTo(5);
            assertThat(api.droplets()).hasSize(CUSTOMERS);
            assertThat(api.apiCalls(TOKEN)).isEqualTo(2L * CUSTOMERS + pages);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
            assertThat(api.droplets().stream().map(StandInDroplet::id).distinct())
                    .hasSize(CUSTOMERS);
        }
    }
}
