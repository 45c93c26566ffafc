package dev.rainmaker.api.api;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.rainmaker.api.config.ApiConfig.Scope;
import dev.rainmaker.api.domain.CustomerState;
import dev.rainmaker.api.domain.SignupRequest;
import dev.rainmaker.api.service.CustomerStates;
import dev.rainmaker.api.service.DoorMetrics;
import dev.rainmaker.api.service.DoorUnavailableException;
import dev.rainmaker.api.service.SignupDoor;
import dev.rainmaker.api.service.SignupOutcome;
import dev.rainmaker.problems.Problem;
import io.smallrye.common.annotation.RunOnVirtualThread;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The SaaS app's door: sign a customer up, and read where the customer stands. */
@Path("/v1/customers")
@Tag(name = "Customers")
@SecurityScheme(
        securitySchemeName = "token",
        type = SecuritySchemeType.HTTP,
        scheme = "bearer",
        description = "The SaaS app's API token.")
@SecurityRequirement(name = "token")
@APIResponse(
        responseCode = "401",
        description = "No token, or not a valid one.",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(
        responseCode = "403",
        description = "The token may not do this.",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(
        responseCode = "429",
        description = "Over the token's rate limit.",
        headers =
                @Header(
                        name = "Retry-After",
                        description = "Seconds to wait",
                        schema = @Schema(type = SchemaType.INTEGER)),
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(
        responseCode = "503",
        description = "Kafka or the customers' states are not reachable: retry the same request.",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class CustomersResource {

    /** The largest sign-up body taken: 20 admin users with 16 kB RSA keys fit; 2 MB fields do not. */
    public static final int MAX_BODY_BYTES = 64 * 1024;

    private static final Pattern CUSTOMER_ID = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?");

    private final Callers callers;
    private final SignupDoor door;
    private final CustomerStates states;
    private final DoorMetrics metrics;

    public CustomersResource(Callers callers, SignupDoor door, CustomerStates states, DoorMetrics metrics) {
        this.callers = callers;
        this.door = door;
        this.states = states;
        this.metrics = metrics;
    }

    @POST
    @RunOnVirtualThread
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "signUp",
            summary = "Sign a customer up",
            description = "Accepted (202) once Kafka has the sign-up: the customer's server will be made. The same"
                    + " request again (same Idempotency-Key, or same customer id, and the same body) answers the same"
                    + " and publishes nothing; a used key or customer id with another body is a 409.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SignupRequest.class)))
    @APIResponse(
            responseCode = "202",
            description = "Accepted: on its way.",
            headers =
                    @Header(
                            name = "Location",
                            description = "The customer: /v1/customers/{id}",
                            schema = @Schema(type = SchemaType.STRING)),
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CustomerState.class)))
    @APIResponse(
            responseCode = "400",
            description = "Not JSON of a sign-up's shape.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "The Idempotency-Key or the customer id was used for another request.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "413",
            description = "Over 64 KiB.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "422",
            description = "Fields that break the rules, each named in errors.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response signUp(
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @Parameter(
                            description =
                                    "Makes retries safe: the same key and body answer as the first time (kept 7 days)."
                                            + " Without it the customer id is the key.",
                            schema = @Schema(type = SchemaType.STRING, minLength = 1, maxLength = 200))
                    @HeaderParam("Idempotency-Key")
                    String idempotencyKey,
            String body) {
        String app = callers.authorize(authorization, Scope.SIGNUP);
        if (body != null && body.getBytes(StandardCharsets.UTF_8).length > MAX_BODY_BYTES) {
            throw Problems.tooLarge(MAX_BODY_BYTES);
        }
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 200)) {
            throw Problems.notJson("an Idempotency-Key is 1 to 200 characters");
        }
        SignupOutcome outcome;
        try {
            outcome = door.signUp(app, Optional.ofNullable(idempotencyKey), body);
        } catch (DoorUnavailableException e) {
            metrics.signup(app, "unavailable");
            throw Problems.unavailable(e.getMessage());
        }
        metrics.signup(app, outcomeName(outcome));
        return switch (outcome) {
            case SignupOutcome.Accepted accepted ->
                Response.accepted(CustomerState.accepted(accepted.customerId()))
                        // Relative (RFC 9110 allows it): the same answer through any instance, behind any ingress.
                        .header(HttpHeaders.LOCATION, "/v1/customers/" + accepted.customerId())
                        .build();
            case SignupOutcome.Malformed malformed -> throw Problems.notJson(malformed.why());
            case SignupOutcome.Invalid invalid -> throw Problems.invalid(invalid.problems());
            case SignupOutcome.Conflict conflict -> throw Problems.conflict(conflict.detail());
        };
    }

    @GET
    @Path("/{customerId}")
    @RunOnVirtualThread
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getCustomer", summary = "Where a customer's server stands")
    @APIResponse(
            responseCode = "200",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CustomerState.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such customer of this app.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CustomerState customer(
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("customerId") String customerId) {
        String app = callers.authorize(authorization, Scope.READ);
        if (!CUSTOMER_ID.matcher(customerId).matches()) {
            throw Problems.unknownCustomer(customerId);
        }
        try {
            return states.of(app, customerId).orElseThrow(() -> Problems.unknownCustomer(customerId));
        } catch (DoorUnavailableException e) {
            throw Problems.unavailable(e.getMessage());
        }
    }

    private static String outcomeName(SignupOutcome outcome) {
        return switch (outcome) {
            case SignupOutcome.Accepted accepted -> accepted.replayed() ? "replayed" : "accepted";
            case SignupOutcome.Malformed malformed -> "malformed";
            case SignupOutcome.Invalid invalid -> "invalid";
            case SignupOutcome.Conflict conflict -> "conflict";
        };
    }
}
