package dev.rainmaker.status.service;

import java.util.Locale;
import java.util.function.Predicate;

import dev.rainmaker.status.domain.CustomerView;
import dev.rainmaker.status.domain.Stage;
import dev.rainmaker.status.domain.State;

/**
 * Which customers a list asks for: each part {@code null} when not asked; {@code text} matches the id or the email,
 * ignoring case.
 */
public record CustomerQuery(State state, Stage stage, Boolean stuck, String text) implements Predicate<CustomerView> {

    public static final CustomerQuery ALL = new CustomerQuery(null, null, null, null);

    @Override
    public boolean test(CustomerView customer) {
        return (state == null || state == customer.state())
                && (stage == null || stage == customer.stage())
                && (stuck == null || stuck == customer.stuck())
                && (text == null || text.isBlank() || contains(customer.customerId()) || contains(customer.email()));
    }

    private boolean contains(String field) {
        return field != null && field.toLowerCase(Locale.ROOT).contains(text.toLowerCase(Locale.ROOT));
    }
}
