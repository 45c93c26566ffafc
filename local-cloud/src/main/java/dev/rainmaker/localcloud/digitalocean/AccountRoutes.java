package dev.rainmaker.localcloud.digitalocean;

import java.util.List;
import java.util.function.Supplier;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;

/** {@code GET /v2/account} and {@code GET /v2/account/keys} (the stand-in's account holds no SSH keys). */
final class AccountRoutes {

    private final Supplier<String> baseUrl;

    AccountRoutes(Supplier<String> baseUrl) {
        this.baseUrl = baseUrl;
    }

    void register(Router router) {
        router.get("/v2/account")
                .handler(context -> JsonResponses.ok(context, new JsonObject().put("account", account())));
        router.get("/v2/account/keys")
                .handler(context ->
                        JsonResponses.ok(context, Pagination.page(context, baseUrl.get(), "ssh_keys", List.of())));
    }

    private static JsonObject account() {
        return new JsonObject()
                .put("droplet_limit", 500)
                .put("floating_ip_limit", 3)
                .put("email", "ops@rainmaker.localhost")
                .put("name", "Rainmaker local cloud")
                .put("uuid", "0d1e2f3a4b5c6d7e8f901a2b3c4d5e6f7a8b9c0d")
                .put("email_verified", true)
                .put("status", "active")
                .put("status_message", "");
    }
}
