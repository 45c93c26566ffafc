package dev.rainmaker.events;

/** Where a customer's provisioning can stop, each with the words an on-call engineer reads in alerts and headers. */
public enum ProvisioningStage {
    VALIDATING_SIGNUP("validating the sign-up"),
    CREATING_DROPLET("creating the droplet"),
    HARDENING_HOST("hardening the host"),
    INSTALLING_STACK("installing the stack"),
    EMAILING_CUSTOMER("emailing the customer");

    private final String words;

    ProvisioningStage(String words) {
        this.words = words;
    }

    /** The stage in plain words, e.g. "hardening the host". */
    public String words() {
        return words;
    }
}
