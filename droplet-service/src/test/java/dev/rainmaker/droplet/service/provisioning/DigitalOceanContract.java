package dev.rainmaker.droplet.service.provisioning;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.ValidationReport;
import dev.rainmaker.localcloud.digitalocean.Exchange;
import io.swagger.v3.parser.core.models.ParseOptions;

/**
 * DigitalOcean's own OpenAPI document ({@code shared/digitalocean/openapi-bundled.yaml} beside the repository) as a
 * checker of the requests droplet-service sends, as the stand-in recorded them.
 */
final class DigitalOceanContract {

    private static final Path SPEC = Path.of("shared", "digitalocean", "openapi-bundled.yaml");

    private final OpenApiInteractionValidator validator;

    DigitalOceanContract(Path document) {
        ParseOptions parseOptions = new ParseOptions();
        parseOptions.setResolve(true);
        parseOptions.setResolveFully(true);
        parseOptions.setResolveCombinators(true);
        // By default the parser adds `type: object` to untyped properties, wrongly rejecting e.g. an image slug.
        parseOptions.setExplicitObjectSchema(false);
        validator = OpenApiInteractionValidator.createForSpecificationUrl(
                        document.toUri().toString())
                .withParseOptions(parseOptions)
                .withResolveCombinators(true)
                .build();
    }

    /** The error-level findings for one request; empty when it matches the document. */
    List<String> requestErrors(Exchange exchange) {
        String uri = exchange.uri();
        int query = uri.indexOf('?');
        SimpleRequest.Builder request = new SimpleRequest.Builder(
                        Request.Method.valueOf(exchange.method()), query < 0 ? uri : uri.substring(0, query))
                .withHeader("Authorization", "Bearer " + Exchange.REDACTED_TOKEN);
        if (query >= 0) {
            for (String pair : uri.substring(query + 1).split("&")) {
                String[] nameAndValue = pair.split("=", 2);
                request.withQueryParam(nameAndValue[0], nameAndValue.length == 2 ? nameAndValue[1] : "");
            }
        }
        if (exchange.requestBody() != null) {
            request.withHeader("Content-Type", "application/json").withBody(exchange.requestBody());
        }
        return validator.validateRequest(request.build()).getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .map(m -> exchange.method() + " " + uri + ": " + m.getKey() + ": " + m.getMessage())
                .toList();
    }

    /** The document, found from the working directory upwards. */
    static Optional<Path> locate() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(SPEC))) {
                return Optional.of(dir.resolve(SPEC));
            }
        }
        return Optional.empty();
    }
}
