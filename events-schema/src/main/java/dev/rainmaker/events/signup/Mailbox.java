package dev.rainmaker.events.signup;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An email address as SMTP takes it in {@code RCPT TO} (RFC 5321, section 4.1.2): a dot-string local part of at most
 * 64 characters (atoms of RFC 5322's atext joined by single dots: none first, last or doubled), an {@code @}, and a
 * domain name of letter-digit-hyphen labels. Stricter than SMTP in two ways, both rare in sign-ups and both ways to
 * smuggle text: quoted local parts and address literals ({@code user@[192.0.2.1]}) are refused, and an international
 * domain must come in its ASCII (punycode) form.
 */
final class Mailbox {

    static final int MAX_LENGTH = 254;
    private static final int MAX_LOCAL_PART = 64;
    private static final Pattern ATOM = Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+");
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?");

    private Mailbox() {}

    /** Why {@code address} is not a mailbox, or empty when it is one. */
    static Optional<String> problem(String address) {
        if (address.length() > MAX_LENGTH) {
            return Optional.of("is longer than " + MAX_LENGTH + " characters");
        }
        int at = address.lastIndexOf('@');
        if (at < 0) {
            return Optional.of("has no @");
        }
        return localPartProblem(address.substring(0, at)).or(() -> domainProblem(address.substring(at + 1)));
    }

    private static Optional<String> localPartProblem(String local) {
        if (local.isEmpty()) {
            return Optional.of("has nothing before the @");
        }
        if (local.length() > MAX_LOCAL_PART) {
            return Optional.of("has more than " + MAX_LOCAL_PART + " characters before the @");
        }
        if (local.startsWith(".") || local.endsWith(".") || local.contains("..")) {
            return Optional.of("has a part before the @ that starts or ends with a dot or holds two in a row");
        }
        for (String atom : local.split("\\.")) {
            if (!ATOM.matcher(atom).matches()) {
                return Optional.of("has a character before the @ that a mailbox cannot hold unquoted"
                        + " (letters, digits and !#$%&'*+/=?^_`{|}~- only)");
            }
        }
        return Optional.empty();
    }

    private static Optional<String> domainProblem(String domain) {
        if (domain.isEmpty()) {
            return Optional.of("has no domain after the @");
        }
        String[] labels = domain.split("\\.", -1);
        if (labels.length < 2) {
            return Optional.of("has a domain without a dot (a name such as example.com is needed)");
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return Optional.of("has a domain that is not a host name (labels of letters, digits and inner"
                        + " hyphens, at most 63 each; international names in their xn-- form)");
            }
        }
        if (labels[labels.length - 1].chars().allMatch(Character::isDigit)) {
            return Optional.of("has a domain whose last label is a number (an IP address is not a mail domain)");
        }
        return Optional.empty();
    }
}
