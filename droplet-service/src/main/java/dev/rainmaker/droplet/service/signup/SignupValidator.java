package dev.rainmaker.droplet.service.signup;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import dev.rainmaker.droplet.service.Messages;
import dev.rainmaker.droplet.service.PermanentFailure;
import dev.rainmaker.droplet.service.sshkeys.OpenSshPublicKey;
import dev.rainmaker.events.AdminUser;
import dev.rainmaker.events.SignupReceived;

/**
 * Checks a sign-up at the door, as its JSON Schema and the server it becomes demand: everything that reaches a host
 * later (user names, keys, time zone) is known to be harmless here.
 */
final class SignupValidator {

    private static final Pattern CUSTOMER_ID = Pattern.compile("^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern USERNAME = Pattern.compile("^[a-z_][a-z0-9_-]{0,31}$");
    private static final int MAX_EMAIL_LENGTH = 254;
    private static final int MAX_CONTACT_NAME_LENGTH = 100;
    private static final int MAX_ADMIN_USERS = 20;

    private final Set<String> knownPlans;

    SignupValidator(Set<String> knownPlans) {
        this.knownPlans = Set.copyOf(knownPlans);
    }

    /** Returns normally for a valid sign-up; otherwise fails with every problem found, in one message. */
    void validate(SignupReceived signup) {
        List<String> problems = problems(signup);
        if (!problems.isEmpty()) {
            throw new PermanentFailure("sign-up of customer '" + Messages.shorten(signup.customerId())
                    + "' is invalid: " + String.join("; ", problems));
        }
    }

    List<String> problems(SignupReceived signup) {
        List<String> problems = new ArrayList<>();
        checkCustomerId(signup.customerId(), problems);
        checkEmail(signup.email(), problems);
        if (signup.contactName() != null && signup.contactName().length() > MAX_CONTACT_NAME_LENGTH) {
            problems.add("contactName is longer than " + MAX_CONTACT_NAME_LENGTH + " characters");
        }
        checkPlan(signup.plan(), problems);
        checkTimezone(signup.timezone(), problems);
        checkAdminUsers(signup.adminUsers(), problems);
        return problems;
    }

    private static void checkCustomerId(String customerId, List<String> problems) {
        if (customerId == null || customerId.isEmpty()) {
            problems.add("customerId is missing");
        } else if (!CUSTOMER_ID.matcher(customerId).matches()) {
            problems.add("customerId must be 1-40 lower-case letters, digits and inner hyphens");
        }
    }

    private static void checkEmail(String email, List<String> problems) {
        if (email == null || email.isBlank()) {
            problems.add("email is missing");
        } else if (email.length() > MAX_EMAIL_LENGTH || !EMAIL.matcher(email).matches()) {
            problems.add("email '" + Messages.shorten(email) + "' is not an email address");
        }
    }

    private void checkPlan(String plan, List<String> problems) {
        if (plan == null || plan.isBlank()) {
            problems.add("plan is missing");
        } else if (!knownPlans.contains(plan)) {
            problems.add("plan '" + Messages.shorten(plan) + "' is not configured (known plans: "
                    + String.join(", ", knownPlans.stream().sorted().toList()) + ")");
        }
    }

    private static void checkTimezone(String timezone, List<String> problems) {
        if (timezone == null || timezone.isBlank()) {
            problems.add("timezone is missing");
        } else if (!ZoneId.getAvailableZoneIds().contains(timezone)) {
            problems.add("timezone '" + Messages.shorten(timezone) + "' is not an IANA time zone (e.g. Europe/Berlin)");
        }
    }

    private static void checkAdminUsers(List<AdminUser> adminUsers, List<String> problems) {
        if (adminUsers.size() > MAX_ADMIN_USERS) {
            problems.add("more than " + MAX_ADMIN_USERS + " admin users");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < adminUsers.size(); i++) {
            AdminUser user = adminUsers.get(i);
            String where = "adminUsers[" + i + "]";
            if (user == null) {
                problems.add(where + " is empty");
                continue;
            }
            String username = user.username();
            if (username == null || !USERNAME.matcher(username).matches()) {
                problems.add(where + " username '" + Messages.shorten(username)
                        + "' must be a Linux login name (lower-case letter or _, then up to 31 of a-z 0-9 _ -)");
            } else if (SystemAccounts.contains(username)) {
                problems.add(where + " username '" + username + "' is a system account");
            } else if (!seen.add(username)) {
                problems.add(where + " username '" + username + "' appears twice");
            }
            try {
                OpenSshPublicKey.parse(user.publicKey());
            } catch (IllegalArgumentException e) {
                problems.add(where + " publicKey is not a valid OpenSSH public key: " + e.getMessage());
            }
        }
    }
}
