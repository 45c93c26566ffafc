package dev.rainmaker.stack.domain;

import java.util.regex.Pattern;

import dev.rainmaker.stack.service.PermanentFailure;

/**
 * The customer's MariaDB database and the user of the same name: {@code c_} and the customer id with hyphens turned
 * into underscores, so the name is a plain identifier in SQL, in PHP and on the command line.
 */
public record CustomerDatabase(String name) {

    private static final Pattern CUSTOMER_ID = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?");
    private static final Pattern NAME = Pattern.compile("c_[a-z0-9_]{1,40}");

    public CustomerDatabase {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new PermanentFailure("'" + name + "' is not a customer database name (c_ and 1-40 of a-z, 0-9, _)");
        }
    }

    public static CustomerDatabase forCustomer(String customerId) {
        if (customerId == null || !CUSTOMER_ID.matcher(customerId).matches()) {
            throw new PermanentFailure("customer id '" + customerId
                    + "' is not lower-case letters, digits and inner hyphens (1-40 characters)");
        }
        return new CustomerDatabase("c_" + customerId.replace('-', '_'));
    }

    /** The MariaDB user, {@code @localhost}. */
    public String user() {
        return name;
    }
}
