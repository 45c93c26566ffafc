package dev.rainmaker.api.domain;

import java.util.List;

import dev.rainmaker.events.SignupReceived;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code POST /v1/customers}'s body: a {@link SignupReceived} as the SaaS app sends it, with the rules it must meet. */
@Schema(
        name = "Signup",
        description = "A customer's sign-up: who they are, their plan, and who administers their server.")
public record SignupRequest(
        @Schema(
                required = true,
                pattern = "^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$",
                maxLength = 40,
                description = "The SaaS app's id of the customer: 1-40 lower-case letters, digits and inner hyphens.",
                example = "acme-42")
        String customerId,

        @Schema(required = true, format = "email", description = "An SMTP mailbox.", example = "ada@acme.example")
        String email,

        @Schema(maxLength = 100, description = "Who to address in emails.", example = "Ada Lovelace")
        String contactName,

        @Schema(required = true, description = "A plan Rainmaker knows (e.g. starter, pro).", example = "starter")
        String plan,

        @Schema(required = true, description = "An IANA time zone for the server.", example = "Europe/Berlin")
        String timezone,

        @Schema(maxItems = 20, description = "Up to 20 administrators, each with a distinct login name.")
        List<AdminUserRequest> adminUsers) {

    @Schema(name = "AdminUser", description = "An administrator of the customer's server.")
    public record AdminUserRequest(
            @Schema(required = true, pattern = "^[a-z_][a-z0-9_-]{0,31}$", description = "A Linux login name.")
            String username,

            @Schema(
                    required = true,
                    description = "An OpenSSH public key (ssh-ed25519, ecdsa-sha2-nistp256/384/521 or ssh-rsa).",
                    example =
                            "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIH1e2kqVq1x0bM0tV7sW1c3s2k9xR0gYpUoXh8a2b3cd ada@laptop")
            String publicKey) {}
}
