package dev.rainmaker.events;

/** An administrator to create on the customer's server: a login name and the public key they log in with. */
public record AdminUser(String username, String publicKey) {}
