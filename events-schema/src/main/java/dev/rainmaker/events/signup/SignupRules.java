package dev.rainmaker.events.signup;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import dev.rainmaker.events.AdminUser;
import dev.rainmaker.events.SignupReceived;

/**
 * What a sign-up must be, as its JSON Schema and the server it becomes demand: everything that reaches a host later
 * (user names, keys, time zone) is known to be harmless once these rules pass. One implementation for every door:
 * droplet-service applies it to the topic, api-service to HTTP requests.
 */
public final class SignupRules {

    public static final int MAX_ADMIN_USERS = 20;
    private static final Pattern CUSTOMER_ID = Pattern.compile("^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$");
    private static final Pattern USERNAME = Pattern.compile("^[a-z_][a-z0-9_-]{0,31}$");
    private static final int MAX_CONTACT_NAME_LENGTH = 100;
    private static final Set<String> TIME_ZONES = Set.copyOf(ZoneId.getAvailableZoneIds());

    private final Set<String> knownPlans;

    public SignupRules(Set<String> knownPlans) {
        this.knownPlans = Set.copyOf(knownPlans);
    }

    /** Every problem of the sign-up, in field order; empty for a valid one. */
    public List<SignupProblem> problems(SignupReceived signup) {
        List<SignupProblem> problems = new ArrayList<>();
        checkCustomerId(signup.customerId(), problems);
        checkEmail(signup.email(), problems);
        if (signup.contactName() != null && signup.contactName().length() > MAX_CONTACT_NAME_LENGTH) {
            problems.add(new SignupProblem(
                    "contactName", "contactName is longer than " + MAX_CONTACT_NAME_LENGTH + " characters"));
        }
        checkPlan(signup.plan(), problems);
        checkTimezone(signup.timezone(), problems);
        checkAdminUsers(signup.adminUsers(), problems);
        return problems;
    }

    private static void checkCustomerId(String customerId, List<SignupProblem> problems) {
        if (customerId == null || customerId.isEmpty()) {
            problems.add(new SignupProblem("customerId", "customerId is missing"));
        } else if (!CUSTOMER_ID.matcher(customerId).matches()) {
            problems.add(new SignupProblem(
                    "customerId", "customerId must be 1-40 lower-case letters, digits and inner hyphens"));
        }
    }

    private static void checkEmail(String email, List<SignupProblem> problems) {
        if (email == null || email.isBlank()) {
            problems.add(new SignupProblem("email", "email is missing"));
        } else {
            Mailbox.problem(email)
                    .ifPresent(problem -> problems.add(new SignupProblem(
                            "email",
                            "email '" + Printable.shorten(email) + "' is not an email address: it " + problem)));
        }
    }

    private void checkPlan(String plan, List<SignupProblem> problems) {
        if (plan == null || plan.isBlank()) {
            problems.add(new SignupProblem("plan", "plan is missing"));
        } else if (!knownPlans.contains(plan)) {
            problems.add(new SignupProblem(
                    "plan",
                    "plan '" + Printable.shorten(plan) + "' is not configured (known plans: "
                            + String.join(", ", knownPlans.stream().sorted().toList()) + ")"));
        }
    }

    private static void checkTimezone(String timezone, List<SignupProblem> problems) {
        if (timezone == null || timezone.isBlank()) {
            problems.add(new SignupProblem("timezone", "timezone is missing"));
        } else if (!TIME_ZONES.contains(timezone)) {
            problems.add(new SignupProblem(
                    "timezone",
                    "timezone '" + Printable.shorten(timezone) + "' is not an IANA time zone (e.g. Europe/Berlin)"));
        }
    }

    private static void checkAdminUsers(List<AdminUser> adminUsers, List<SignupProblem> problems) {
        if (adminUsers.size() > MAX_ADMIN_USERS) {
            problems.add(new SignupProblem("adminUsers", "more than " + MAX_ADMIN_USERS + " admin users"));
            return;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < adminUsers.size(); i++) {
            AdminUser user = adminUsers.get(i);
            String where = "adminUsers[" + i + "]";
            if (user == null) {
                problems.add(new SignupProblem(where, where + " is empty"));
                continue;
            }
            String username = user.username();
            if (username == null || !USERNAME.matcher(username).matches()) {
                problems.add(new SignupProblem(
                        where + ".username",
                        where + " username '" + Printable.shorten(username)
                                + "' must be a Linux login name (lower-case letter or _, then up to 31 of a-z 0-9 _"
                                + " -)"));
            } else if (SystemAccounts.contains(username)) {
                problems.add(new SignupProblem(
                        where + ".username", where + " username '" + username + "' is a system account"));
            } else if (!seen.add(username)) {
                problems.add(
                        new SignupProblem(where + ".username", where + " username '" + username + "' appears twice"));
            }
            try {
                OpenSshPublicKey.parse(user.publicKey());
            } catch (IllegalArgumentException e) {
                problems.add(new SignupProblem(
                        where + ".publicKey",
                        where + " publicKey is not a valid OpenSSH public key: " + e.getMessage()));
            }
        }
    }
}
