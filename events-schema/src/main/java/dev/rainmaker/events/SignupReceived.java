package dev.rainmaker.events;

import java.util.List;

/**
 * Published by the SaaS app when a customer signs up: who they are, which plan they bought, and who administers their
 * server. Carries no secret: public keys only.
 */
public record SignupReceived(
        String customerId, String email, String contactName, String plan, String timezone, List<AdminUser> adminUsers)
        implements RainmakerEvent {

    public SignupReceived {
        adminUsers = adminUsers == null ? List.of() : List.copyOf(adminUsers);
    }
}
