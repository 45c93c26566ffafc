package dev.rainmaker.e2e;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rainmaker.cli.DemoSignups;
import dev.rainmaker.events.AdminUser;
import dev.rainmaker.events.EventJson;
import dev.rainmaker.events.SignupReceived;

/**
 * Sign-ups a careless or hostile client could publish: not JSON, not the schema, fields missing, absurd sizes, and
 * shell, quoting and Unicode tricks in every field. Every hostile payload contains {@value #MARKER}, so a host that
 * was sent any of them shows it in its recorded commands.
 */
final class PoisonSignups {

    static final String MARKER = "pwned";

    /** A record to publish, and what its dead-letter reason must say (each pattern found, case-insensitive). */
    record Poison(String key, String value, String what, List<Pattern> reasonMentions) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ROOT_KEY = DemoSignups.create("poison-key", 1)
            .getFirst()
            .adminUsers()
            .getFirst()
            .publicKey();

    /** Contact names are free text: these are valid, and must reach nothing but the customer's email. */
    static final List<String> HOSTILE_CONTACT_NAMES = List.of(
            "Robert'); DROP TABLE customers;-- $(touch /tmp/pwned)",
            "`touch /tmp/pwned` \"double\" 'single' \\ backslash",
            "Ada\nBcc: everyone@evil.example ; rm -rf /tmp/pwned",
            "Ada \u202Eno\u200Bvelace && touch /tmp/pwned",
            "<script>alert('pwned')</script> | tee /tmp/pwned");

    private PoisonSignups() {}

    /** {@code count} poison records (at least the heavy ones), keyed {@code poison-bad-<n>}. */
    static List<Poison> create(int count) {
        List<Function<SignupReceived, Poison>> light = lightKinds();
        List<Poison> poisons = new ArrayList<>();
        List<SignupReceived> bases = DemoSignups.create("poison-bad", count);
        poisons.add(twoMegabyteContactName(bases.get(0)));
        poisons.add(tenThousandRootAdmins(bases.get(1)));
        for (int i = 2; i < count; i++) {
            poisons.add(light.get((i - 2) % light.size()).apply(bases.get(i)));
        }
        List<Poison> keyed = new ArrayList<>();
        for (int i = 0; i < poisons.size(); i++) {
            Poison p = poisons.get(i);
            // The key is the customer id of the sign-up it was made from: a bad one that passes the door and fails in
            // a later stage is dead-lettered there under that id.
            keyed.add(new Poison("poison-bad-" + (i + 1), p.value(), p.what(), p.reasonMentions()));
        }
        return keyed;
    }

    private static List<Function<SignupReceived, Poison>> lightKinds() {
        List<Function<SignupReceived, Poison>> kinds = new ArrayList<>();
        kinds.add(s -> raw("not JSON", "this is not JSON { $(touch /tmp/pwned)", "not valid JSON"));
        kinds.add(s -> raw("an empty value", "", "empty"));
        kinds.add(s -> raw("a JSON array", "[1, 2, 3]", "not valid JSON"));
        kinds.add(s -> raw("a JSON string", "\"; rm -rf /tmp/pwned\"", "not valid JSON"));
        kinds.add(s -> {
            String json = EventJson.write(s);
            return raw("truncated JSON", json.substring(0, json.length() / 2), "not valid JSON");
        });
        kinds.add(s -> raw("JSON nested 5,000 deep", "[".repeat(5000) + "]".repeat(5000), "not valid JSON"));
        kinds.add(s -> raw("adminUsers a string, not a list", withField(s, "adminUsers", "root"), "not valid JSON"));
        kinds.add(s -> raw("an empty object", "{}", "customerId is missing", "email is missing", "plan is missing"));
        kinds.add(s -> raw("no email", without(s, "email"), "email is missing"));
        kinds.add(s -> raw("no plan", without(s, "plan"), "plan is missing"));
        kinds.add(s -> raw("no timezone", without(s, "timezone"), "timezone is missing"));
        kinds.add(s -> raw("no customerId", without(s, "customerId"), "customerId is missing"));
        kinds.add(s -> event("customerId with rm -rf", with(s, "; rm -rf /tmp/pwned", null, null, null), "customerId"));
        kinds.add(s -> event("customerId with $()", with(s, "$(touch /tmp/pwned)", null, null, null), "customerId"));
        kinds.add(
                s -> event("customerId with backticks", with(s, "`touch /tmp/pwned`", null, null, null), "customerId"));
        kinds.add(s -> event("customerId with a NUL", with(s, "a\u0000pwned", null, null, null), "customerId"));
        kinds.add(s -> event(
                "customerId of 41 characters", with(s, "p".repeat(36) + "wned1", null, null, null), "customerId"));
        kinds.add(s -> event(
                "email with a command",
                with(s, null, "x@y.example; touch /tmp/pwned", null, null),
                "email .* is not an email address"));
        kinds.add(s -> event(
                "email with a header injection",
                with(s, null, "x@y.example\r\nBcc: pwned@evil.example", null, null),
                "email .* is not an email address"));
        kinds.add(s -> event("plan with a command", with(s, null, null, "starter; rm -rf /tmp/pwned", null), "plan"));
        kinds.add(
                s -> event("an unknown plan", with(s, null, null, "enterprise-pwned", null), "plan .* not configured"));
        kinds.add(s -> event(
                "timezone with a command", with(s, null, null, null, "Europe/Berlin; touch /tmp/pwned"), "timezone"));
        kinds.add(s -> event("timezone as a path", with(s, null, null, null, "../../../tmp/pwned"), "timezone"));
        kinds.add(s -> event("admin root", admin(s, "root", ROOT_KEY), "system account"));
        kinds.add(s -> event("admin $()", admin(s, "$(touch /tmp/pwned)", ROOT_KEY), "adminUsers\\[0\\] username"));
        kinds.add(
                s -> event("admin backticks", admin(s, "`touch /tmp/pwned`", ROOT_KEY), "adminUsers\\[0\\] username"));
        kinds.add(s -> event(
                "admin quotes", admin(s, "ada'; touch /tmp/pwned; echo '", ROOT_KEY), "adminUsers\\[0\\] username"));
        kinds.add(s ->
                event("admin with a Cyrillic a", admin(s, "\u0430dapwned", ROOT_KEY), "adminUsers\\[0\\] username"));
        kinds.add(s -> event(
                "admin with a right-to-left override",
                admin(s, "ada\u202Epwned", ROOT_KEY),
                "adminUsers\\[0\\] username"));
        kinds.add(s -> event(
                "admin with a zero-width space", admin(s, "ad\u200Bapwned", ROOT_KEY), "adminUsers\\[0\\] username"));
        kinds.add(s -> event("admin with a newline", admin(s, "ada\npwned", ROOT_KEY), "adminUsers\\[0\\] username"));
        kinds.add(s -> event(
                "the same admin twice",
                new SignupReceived(
                        s.customerId(),
                        s.email(),
                        s.contactName(),
                        s.plan(),
                        s.timezone(),
                        List.of(new AdminUser("ada", ROOT_KEY), new AdminUser("ada", ROOT_KEY))),
                "appears twice"));
        kinds.add(s -> event("a key with $()", admin(s, "ada", "ssh-ed25519 AAAA $(touch /tmp/pwned)"), "public ?key"));
        kinds.add(s -> event(
                "a key with a second key on a new line",
                admin(s, "ada", ROOT_KEY + "\n" + ROOT_KEY + " pwned@evil"),
                "public ?key"));
        kinds.add(s -> event("a DSA key", admin(s, "ada", "ssh-dss AAAAB3NzaC1kc3MAAACBAP pwned"), "public ?key"));
        kinds.add(s -> event(
                "a contact name of 120 characters",
                new SignupReceived(
                        s.customerId(),
                        s.email(),
                        "$(touch /tmp/pwned) ".repeat(6),
                        s.plan(),
                        s.timezone(),
                        s.adminUsers()),
                "contactName is longer than 100"));
        kinds.add(s -> event(
                "every field hostile",
                new SignupReceived(
                        "; rm -rf /tmp/pwned",
                        "`touch /tmp/pwned`",
                        "$(touch /tmp/pwned)",
                        "'; touch /tmp/pwned",
                        "\"; touch /tmp/pwned",
                        List.of(new AdminUser("$(touch /tmp/pwned)", "`touch /tmp/pwned`"))),
                "customerId",
                "email",
                "plan",
                "timezone",
                "adminUsers\\[0\\] username",
                "publicKey"));
        return kinds;
    }

    private static Poison twoMegabyteContactName(SignupReceived s) {
        return event(
                "a contact name of 2 MB",
                new SignupReceived(
                        s.customerId(), s.email(), "pwned ".repeat(350_000), s.plan(), s.timezone(), s.adminUsers()),
                "contactName is longer than 100");
    }

    private static Poison tenThousandRootAdmins(SignupReceived s) {
        return event(
                "10,000 admin users named root",
                new SignupReceived(
                        s.customerId(),
                        s.email(),
                        s.contactName(),
                        s.plan(),
                        s.timezone(),
                        IntStream.range(0, 10_000)
                                .mapToObj(i -> new AdminUser("root", ROOT_KEY))
                                .toList()),
                "more than 20 admin users");
    }

    private static Poison raw(String what, String value, String... mentions) {
        return new Poison(null, value, what, patterns(mentions));
    }

    private static Poison event(String what, SignupReceived signup, String... mentions) {
        return new Poison(null, EventJson.write(signup), what, patterns(mentions));
    }

    private static List<Pattern> patterns(String... mentions) {
        return java.util.Arrays.stream(mentions)
                .map(m -> Pattern.compile(m, Pattern.CASE_INSENSITIVE | Pattern.DOTALL))
                .toList();
    }

    private static SignupReceived with(SignupReceived s, String customerId, String email, String plan, String zone) {
        return new SignupReceived(
                customerId == null ? s.customerId() : customerId,
                email == null ? s.email() : email,
                s.contactName(),
                plan == null ? s.plan() : plan,
                zone == null ? s.timezone() : zone,
                s.adminUsers());
    }

    private static SignupReceived admin(SignupReceived s, String username, String publicKey) {
        return new SignupReceived(
                s.customerId(),
                s.email(),
                s.contactName(),
                s.plan(),
                s.timezone(),
                List.of(new AdminUser(username, publicKey)));
    }

    private static String without(SignupReceived s, String field) {
        Map<String, Object> fields = fields(s);
        fields.remove(field);
        return json(fields);
    }

    private static String withField(SignupReceived s, String field, Object value) {
        Map<String, Object> fields = fields(s);
        fields.put(field, value);
        return json(fields);
    }

    private static Map<String, Object> fields(SignupReceived s) {
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> fields = JSON.readValue(EventJson.write(s), LinkedHashMap.class);
            return fields;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String json(Map<String, Object> fields) {
        try {
            return JSON.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
