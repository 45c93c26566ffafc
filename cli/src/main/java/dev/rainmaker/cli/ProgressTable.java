package dev.rainmaker.cli;

import java.util.Collection;
import java.util.List;

import dev.rainmaker.events.EventType;

/** The demo's closing table: each customer's droplet, address, seconds per stage and in total. */
final class ProgressTable {

    private static final List<EventType> STAGES = List.of(
            EventType.DROPLET_REQUESTED,
            EventType.DROPLET_ACTIVE,
            EventType.HOST_HARDENED,
            EventType.STACK_INSTALLED,
            EventType.CUSTOMER_READY);

    private ProgressTable() {}

    static String render(Collection<CustomerProgress> customers) {
        StringBuilder table = new StringBuilder();
        table.append(String.format(
                "%-24s %-10s %-15s %9s %9s %9s %9s %9s %9s%n",
                "customer", "droplet", "ip", "validate", "droplet", "harden", "stack", "email", "total"));
        for (CustomerProgress customer : customers) {
            table.append(
                    String.format("%-24s %-10s %-15s", customer.customerId(), customer.dropletId(), customer.ipv4()));
            for (EventType stage : STAGES) {
                table.append(String.format(" %9s", seconds(customer.secondsFor(stage))));
            }
            table.append(String.format(" %9s%n", seconds(customer.totalSeconds())));
            if (customer.failure() != null) {
                table.append("  failed: ").append(customer.failure()).append(System.lineSeparator());
            }
        }
        return table.toString();
    }

    private static String seconds(double value) {
        return value < 0 ? "-" : String.format("%.1fs", value);
    }
}
