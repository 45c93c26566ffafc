package dev.rainmaker.localcloud.digitalocean;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import io.swagger.v3.parser.core.models.ParseOptions;

/**
 * DigitalOcean's own OpenAPI document ({@code shared/digitalocean/openapi-bundled.yaml} beside the repository) as a
 * checker of exchanges: what a client sent and what the stand-in answered.
 *
 * <pre>{@code
 * Optional<Path> document = OpenApiContract.locate();
 * assumeTrue(document.isPresent(), "DigitalOcean's OpenAPI document was not found: contract checks skipped");
 * OpenApiContract contract = OpenApiContract.load(document.get()); // 2-5 s: load once per test class
 * standIn.recordExchanges(true);
 * ... drive the client ...
 * assertThat(contract.violations(standIn.exchanges())).isEmpty();
 * }</pre>
 *
 * <p>Requests are held strictly: a field the document does not declare is an error (DigitalOcean would silently drop
 * it), and so is a create without a body (the document omits {@code required: true}). In responses, undeclared fields
 * are tolerated, since the document's own examples carry some.
 *
 * <p>Needs {@code com.atlassian.oai:swagger-request-validator-core} and
 * {@code org.jboss.logging:commons-logging-jboss-logging} on the classpath: both are optional dependencies of
 * local-cloud, so a module using this class declares them in its test scope (versions come from the parent pom and the
 * Quarkus BOM).
 */
public final class OpenApiContract {

    private static final Path DOCUMENT = Path.of("shared", "digitalocean", "openapi-bundled.yaml");
    private static final Set<String> CREATES_WITH_REQUIRED_BODY = Set.of("/v2/droplets", "/v2/firewalls", "/v2/tags");

    private final OpenApiInteractionValidator validator;

    private OpenApiContract(OpenApiInteractionValidator validator) {
        this.validator = validator;
    }

    /** The document in {@code shared/} beside the repository, found from the working directory upwards. */
    public static Optional<Path> locate() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(DOCUMENT))) {
                return Optional.of(dir.resolve(DOCUMENT));
            }
        }
        return Optional.empty();
    }

    /** Parses the document (a few seconds). */
    public static OpenApiContract load(Path document) {
        ParseOptions parseOptions = new ParseOptions();
        parseOptions.setResolve(true);
        parseOptions.setResolveFully(true);
        parseOptions.setResolveCombinators(true);
        // By default the parser adds `type: object` to untyped properties, wrongly rejecting e.g. an image slug.
        parseOptions.setExplicitObjectSchema(false);
        return new OpenApiContract(OpenApiInteractionValidator.createForSpecificationUrl(
                        document.toUri().toString())
                .withParseOptions(parseOptions)
                .withResolveCombinators(true)
                .withLevelResolver(LevelResolver.create()
                        .withLevel("validation.response.body.schema.additionalProperties", ValidationReport.Level.WARN)
                        .build())
                .build());
    }

    /** Every violation of all the exchanges, each prefixed with its request and status; empty when all match. */
    public List<String> violations(List<Exchange> exchanges) {
        List<String> violations = new ArrayList<>();
        for (Exchange exchange : exchanges) {
            String prefix = exchange.method() + " " + exchange.uri() + " -> "
                    + (exchange.answered() ? String.valueOf(exchange.status()) : "no answer") + ": ";
            violations(exchange).forEach(violation -> violations.add(prefix + violation));
        }
        return violations;
    }

    /** The request's violations and, when it was answered, the answer's; empty when both match the document. */
    public List<String> violations(Exchange exchange) {
        Request request = request(exchange.method(), exchange.uri(), exchange.requestHeaders(), exchange.requestBody());
        List<String> violations =
                new ArrayList<>(bodyRequired(exchange.method(), exchange.uri(), exchange.requestBody()));
        ValidationReport report;
        if (exchange.answered()) {
            SimpleResponse.Builder response = SimpleResponse.Builder.status(exchange.status());
            exchange.responseHeaders().forEach(response::withHeader);
            if (exchange.responseHeaders().containsKey("content-type")) {
                response.withContentType(exchange.responseHeaders().get("content-type"));
            }
            if (exchange.responseBody() != null && !exchange.responseBody().isEmpty()) {
                response.withBody(exchange.responseBody());
            }
            report = validator.validate(request, response.build());
        } else {
            report = validator.validateRequest(request);
        }
        violations.addAll(errors(report));
        return violations;
    }

    /**
     * Checks a request alone, e.g. one a client is about to send.
     *
     * @param uri path and query, e.g. {@code /v2/droplets?tag_name=x}
     * @param body {@code null} for none
     */
    public List<String> requestViolations(String method, String uri, String body) {
        Map<String, String> headers = body == null
                ? Map.of("authorization", "Bearer " + Exchange.REDACTED_TOKEN)
                : Map.of("authorization", "Bearer " + Exchange.REDACTED_TOKEN, "content-type", "application/json");
        List<String> violations = new ArrayList<>(bodyRequired(method, uri, body));
        violations.addAll(errors(validator.validateRequest(request(method, uri, headers, body))));
        return violations;
    }

    private static List<String> bodyRequired(String method, String uri, String body) {
        boolean required = method.equals("POST")
                && CREATES_WITH_REQUIRED_BODY.contains(URI.create(uri).getPath());
        return required && (body == null || body.isBlank()) ? List.of("request body is missing") : List.of();
    }

    private static Request request(String method, String uri, Map<String, String> headers, String body) {
        URI parsed = URI.create(uri);
        SimpleRequest.Builder request = new SimpleRequest.Builder(Request.Method.valueOf(method), parsed.getPath());
        headers.forEach(request::withHeader);
        if (parsed.getRawQuery() != null) {
            for (String pair : parsed.getRawQuery().split("&")) {
                String[] nameAndValue = pair.split("=", 2);
                request.withQueryParam(
                        decode(nameAndValue[0]), nameAndValue.length == 2 ? decode(nameAndValue[1]) : "");
            }
        }
        if (body != null) {
            request.withBody(body);
        }
        return request.build();
    }

    private static String decode(String text) {
        return java.net.URLDecoder.decode(text, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static List<String> errors(ValidationReport report) {
        return report.getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .map(OpenApiContract::describe)
                .toList();
    }

    /** The message with the reasons nested in it (a oneOf names only "matched 0 out of 2" at the top). */
    private static String describe(ValidationReport.Message message) {
        StringBuilder text = new StringBuilder(message.getKey() + ": " + message.getMessage());
        for (ValidationReport.Message nested : message.getNestedMessages()) {
            text.append(" [").append(describe(nested)).append("]");
        }
        return text.toString();
    }
}
