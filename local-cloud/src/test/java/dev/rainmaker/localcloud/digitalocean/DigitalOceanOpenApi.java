package dev.rainmaker.localcloud.digitalocean;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import io.swagger.v3.parser.core.models.ParseOptions;

/**
 * DigitalOcean's own OpenAPI document (shared/digitalocean/openapi-bundled.yaml beside the repository) as a checker of
 * request/response pairs. Undocumented fields in responses are warnings: the document's own examples carry some.
 */
final class DigitalOceanOpenApi {

    private static final Path SPEC = Path.of("shared", "digitalocean", "openapi-bundled.yaml");

    private final OpenApiInteractionValidator validator;

    DigitalOceanOpenApi(Path document) {
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
                .withLevelResolver(LevelResolver.create()
                        .withLevel("validation.response.body.schema.additionalProperties", ValidationReport.Level.WARN)
                        .build())
                .build();
    }

    /** The error-level findings for one exchange; empty when it matches the document. */
    List<String> errors(String method, URI uri, String requestBody, HttpResponse<String> response) {
        SimpleRequest.Builder request = new SimpleRequest.Builder(Request.Method.valueOf(method), uri.getPath())
                .withHeader("Authorization", response.request().headers().allValues("Authorization"))
                .withHeader("Content-Type", requestBody == null ? List.of() : List.of("application/json"));
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                String[] nameAndValue = pair.split("=", 2);
                request.withQueryParam(nameAndValue[0], nameAndValue.length == 2 ? nameAndValue[1] : "");
            }
        }
        if (requestBody != null) {
            request.withBody(requestBody);
        }
        SimpleResponse.Builder answer = SimpleResponse.Builder.status(response.statusCode());
        response.headers().map().forEach(answer::withHeader);
        response.headers().firstValue("content-type").ifPresent(answer::withContentType);
        if (!response.body().isEmpty()) {
            answer.withBody(response.body());
        }
        return validator.validate(request.build(), answer.build()).getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .map(m -> m.getKey() + ": " + m.getMessage())
                .toList();
    }

    /** The document in {@code shared/} beside the repository, found from the working directory upwards. */
    static Optional<Path> locate() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(SPEC))) {
                return Optional.of(dir.resolve(SPEC));
            }
        }
        return Optional.empty();
    }
}
