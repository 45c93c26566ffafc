package dev.rainmaker.droplet.service;

/** Told each time a customer was given an active droplet, so calls to DigitalOcean can be counted per customer. */
public interface ProvisionedCustomers {

    void customerProvisioned();
}
