package dev.rainmaker.api.service;

import dev.rainmaker.events.ProvisioningStage;

/**
 * Why a customer's server could not be made, in words fit for the customer: what could not be done, never how (ops'
 * reasons name hosts, exit codes and providers' errors; they stay in ops' console).
 */
public final class CustomerFacingReasons {

    private CustomerFacingReasons() {}

    public static String of(ProvisioningStage stage) {
        return switch (stage) {
            case VALIDATING_SIGNUP -> "The sign-up could not be accepted: some of its details are not valid.";
            case CREATING_DROPLET -> "Your server could not be created. Our team has been told and will be in touch.";
            case HARDENING_HOST, INSTALLING_STACK ->
                "Your server could not be set up. Our team has been told and will be in touch.";
            case EMAILING_CUSTOMER ->
                "Your server is set up, but we could not email you about it. Our team has been told.";
        };
    }
}
