package dev.rainmaker.localcloud.digitalocean;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * A valid create request for one droplet ({@code name}) or up to ten ({@code names}), checked the way DigitalOcean
 * checks it (422 with its message otherwise). Fields DigitalOcean does not know are ignored, as there, and listed in
 * {@link #ignoredFields()} so that the stand-in can warn about them.
 */
record CreateRequest(
        List<String> names,
        CatalogueRegion region,
        CatalogueSize size,
        CatalogueImage image,
        List<String> tags,
        boolean monitoring,
        String userData,
        List<String> ignoredFields) {

    static final int MAX_USER_DATA_BYTES = 64 * 1024;
    static final int MAX_NAMES = 10;
    private static final Set<String> KNOWN_FIELDS = Set.of(
            "name",
            "names",
            "region",
            "size",
            "image",
            "ssh_keys",
            "backups",
            "backup_policy",
            "ipv6",
            "monitoring",
            "tags",
            "user_data",
            "private_networking",
            "volumes",
            "vpc_uuid",
            "with_droplet_agent",
            "public_networking");
    private static final Pattern NAME = Pattern.compile("^[a-zA-Z0-9]?[a-z0-9A-Z.\\-]*[a-z0-9A-Z]$");
    private static final Pattern TAG = Pattern.compile("^[a-zA-Z0-9_\\-:]{1,255}$");

    static CreateRequest parse(JsonObject body, Catalogue catalogue) {
        List<String> names = names(body);
        CatalogueSize size = Optional.ofNullable(stringField(body, "size"))
                .flatMap(catalogue::size)
                .orElseThrow(() -> new Unprocessable("You specified an invalid size for Droplet creation."));
        CatalogueRegion region = region(body, catalogue, size);
        CatalogueImage image = image(body.getValue("image"), catalogue);
        String userData = stringField(body, "user_data");
        if (userData != null && userData.getBytes(StandardCharsets.UTF_8).length > MAX_USER_DATA_BYTES) {
            throw new Unprocessable("user_data must not exceed 64 KiB.");
        }
        List<String> ignored = body.fieldNames().stream()
                .filter(field -> !KNOWN_FIELDS.contains(field))
                .sorted()
                .toList();
        return new CreateRequest(
                names,
                region,
                size,
                image,
                tags(body),
                Boolean.TRUE.equals(body.getValue("monitoring")),
                userData,
                ignored);
    }

    private static List<String> names(JsonObject body) {
        boolean single = body.containsKey("name");
        boolean multiple = body.containsKey("names");
        if (single && multiple) {
            throw new Unprocessable("Specify either name or names, not both.");
        }
        if (!multiple) {
            return List.of(checkedName(stringField(body, "name")));
        }
        if (!(body.getValue("names") instanceof JsonArray array) || array.isEmpty()) {
            throw new Unprocessable("names must be a non-empty array of strings.");
        }
        if (array.size() > MAX_NAMES) {
            throw new Unprocessable("You may only create up to " + MAX_NAMES + " Droplets at a time.");
        }
        List<String> names = new ArrayList<>();
        for (Object name : array) {
            if (!(name instanceof String text)) {
                throw new Unprocessable("names must be a non-empty array of strings.");
            }
            names.add(checkedName(text));
        }
        return List.copyOf(names);
    }

    private static String checkedName(String name) {
        if (name == null || name.isEmpty()) {
            throw new Unprocessable("Name is required.");
        }
        if (name.length() > 255 || !NAME.matcher(name).matches()) {
            throw new Unprocessable("Only valid hostname characters are allowed. (a-z, A-Z, 0-9, . and -)");
        }
        return name;
    }

    private static CatalogueRegion region(JsonObject body, Catalogue catalogue, CatalogueSize size) {
        String slug = stringField(body, "region");
        if (slug == null) {
            return catalogue.regions().stream()
                    .filter(r -> r.available() && r.sizes().contains(size.slug()))
                    .findFirst()
                    .orElseThrow(() -> new Unprocessable("Size is not available in any region."));
        }
        CatalogueRegion region = catalogue
                .region(slug)
                .orElseThrow(() -> new Unprocessable("You specified an invalid region for Droplet creation."));
        if (!region.available()) {
            throw new Unprocessable("Region is not available for Droplet creation.");
        }
        if (!region.sizes().contains(size.slug())) {
            throw new Unprocessable("Size is not available in this region.");
        }
        return region;
    }

    private static CatalogueImage image(Object value, Catalogue catalogue) {
        Optional<CatalogueImage> image = Optional.empty();
        if (value instanceof String slug) {
            image = catalogue.image(slug);
        } else if (value instanceof Number id) {
            image = catalogue.images().stream()
                    .filter(i -> i.id() == id.longValue())
                    .findFirst();
        }
        return image.orElseThrow(() -> new Unprocessable("You specified an invalid image for Droplet creation."));
    }

    private static List<String> tags(JsonObject body) {
        Object value = body.getValue("tags");
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof JsonArray array)) {
            throw new Unprocessable("tags must be an array of strings.");
        }
        List<String> tags = new ArrayList<>();
        for (Object tag : array) {
            if (!(tag instanceof String text) || !TAG.matcher(text).matches()) {
                throw new Unprocessable(
                        "Tag names may contain letters, numbers, colons, dashes and underscores, up to 255 characters.");
            }
            tags.add(text);
        }
        return tags;
    }

    private static String stringField(JsonObject body, String key) {
        Object value = body.getValue(key);
        if (value != null && !(value instanceof String)) {
            throw new Unprocessable(key + " must be a string.");
        }
        return (String) value;
    }
}
