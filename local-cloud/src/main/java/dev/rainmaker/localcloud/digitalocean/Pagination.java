package dev.rainmaker.localcloud.digitalocean;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * DigitalOcean's list pagination: {@code page} (from 1) and {@code per_page} (default 20, at most 200), with
 * {@code links.pages} (first/prev, next/last) and {@code meta.total}.
 */
final class Pagination {

    static final int DEFAULT_PER_PAGE = 20;
    static final int MAX_PER_PAGE = 200;

    private Pagination() {}

    static JsonObject page(RoutingContext context, String baseUrl, String key, List<JsonObject> all) {
        return page(context, baseUrl, key, all, Function.identity());
    }

    /** As {@link #page(RoutingContext, String, String, List)}, rendering only the items of the page asked for. */
    static <T> JsonObject page(
            RoutingContext context, String baseUrl, String key, List<T> all, Function<T, JsonObject> render) {
        int perPage = Math.min(MAX_PER_PAGE, positiveParam(context, "per_page", DEFAULT_PER_PAGE));
        int page = positiveParam(context, "page", 1);
        int lastPage = Math.max(1, (all.size() + perPage - 1) / perPage);
        int from = Math.min(all.size(), (page - 1) * perPage);
        int to = Math.min(all.size(), from + perPage);

        JsonObject pages = new JsonObject();
        if (page > 1) {
            pages.put("first", link(context, baseUrl, 1, perPage));
            pages.put("prev", link(context, baseUrl, Math.min(page - 1, lastPage), perPage));
        }
        if (page < lastPage) {
            pages.put("next", link(context, baseUrl, page + 1, perPage));
            pages.put("last", link(context, baseUrl, lastPage, perPage));
        }
        return new JsonObject()
                .put(
                        key,
                        new JsonArray(all.subList(from, to).stream().map(render).toList()))
                .put("links", pages.isEmpty() ? new JsonObject() : new JsonObject().put("pages", pages))
                .put("meta", new JsonObject().put("total", all.size()));
    }

    private static int positiveParam(RoutingContext context, String name, int fallback) {
        String value = context.request().getParam(name);
        if (value == null) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value);
            return parsed >= 1 ? parsed : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static String link(RoutingContext context, String baseUrl, int page, int perPage) {
        String otherParams = context.queryParams().entries().stream()
                .filter(e -> !e.getKey().equals("page") && !e.getKey().equals("per_page"))
                .map(Pagination::queryPart)
                .collect(Collectors.joining("&"));
        return baseUrl + context.request().path() + "?" + (otherParams.isEmpty() ? "" : otherParams + "&") + "page="
                + page + "&per_page=" + perPage;
    }

    private static String queryPart(Map.Entry<String, String> entry) {
        return URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8);
    }
}
