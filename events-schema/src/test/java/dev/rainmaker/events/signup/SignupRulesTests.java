package dev.rainmaker.events.signup;

import java.util.List;
import java.util.Set;

import dev.rainmaker.events.AdminUser;
import dev.rainmaker.events.SignupReceived;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SignupRulesTests {

    private final SignupRules rules = new SignupRules(Set.of("starter", "pro"));

    @Test
    void aCompleteSignupIsValid() {
        assertThat(messages(signup(
                        "acme-42",
                        "ops@acme.example",
                        "starter",
                        "Europe/Berlin",
                        List.of(new AdminUser("ada", TestKeys.ED25519), new AdminUser("bob", TestKeys.ECDSA_P256)))))
                .isEmpty();
    }

    @Test
    void customerIdsFollowTheSchemaPattern() {
        assertThat(problemsWithCustomerId("Acme")).singleElement().asString().contains("customerId");
        assertThat(problemsWithCustomerId("acme-")).singleElement().asString().contains("customerId");
        assertThat(problemsWithCustomerId("a".repeat(41)))
                .singleElement()
                .asString()
                .contains("customerId");
        assertThat(problemsWithCustomerId("a")).isEmpty();
        assertThat(problemsWithCustomerId(null)).containsExactly("customerId is missing");
    }

    @Test
    void aMissingOrImplausibleEmailIsNamed() {
        assertThat(messages(signup("acme", null, "starter", "UTC", List.of()))).containsExactly("email is missing");
        assertThat(messages(signup("acme", "ops@localhost", "starter", "UTC", List.of())))
                .containsExactly(
                        "email 'ops@localhost' is not an email address: it has a domain without a dot (a name such"
                                + " as example.com is needed)");
    }

    @Test
    void anUnknownPlanNamesTheKnownOnes() {
        assertThat(messages(signup("acme", "ops@acme.example", "gold", "UTC", List.of())))
                .containsExactly("plan 'gold' is not configured (known plans: pro, starter)");
    }

    @Test
    void theTimezoneMustBeAnIanaZone() {
        assertThat(messages(signup("acme", "ops@acme.example", "pro", "Mars/Olympus_Mons", List.of())))
                .singleElement()
                .asString()
                .contains("'Mars/Olympus_Mons' is not an IANA time zone");
        assertThat(messages(signup("acme", "ops@acme.example", "pro", "America/Argentina/Buenos_Aires", List.of())))
                .isEmpty();
    }

    @Test
    void adminUsersMustBeLoginNamesThatAreNotSystemAccountsWithParsableKeys() {
        List<String> problems = messages(signup(
                "acme",
                "ops@acme.example",
                "pro",
                "UTC",
                List.of(
                        new AdminUser("root", TestKeys.ED25519),
                        new AdminUser("www-data", TestKeys.ED25519),
                        new AdminUser("Ada;reboot", TestKeys.ED25519),
                        new AdminUser("bob", "ssh-rsa " + TestKeys.ED25519.split(" ")[1]),
                        new AdminUser("carol", TestKeys.ED25519),
                        new AdminUser("carol", TestKeys.ECDSA_P256))));

        assertThat(problems)
                .containsExactly(
                        "adminUsers[0] username 'root' is a system account",
                        "adminUsers[1] username 'www-data' is a system account",
                        "adminUsers[2] username 'Ada;reboot' must be a Linux login name (lower-case letter or _, then"
                                + " up to 31 of a-z 0-9 _ -)",
                        "adminUsers[3] publicKey is not a valid OpenSSH public key: the key says it is ssh-rsa but its"
                                + " data is ssh-ed25519",
                        "adminUsers[5] username 'carol' appears twice");
    }

    @Test
    void eachProblemNamesItsFieldAsAJsonPath() {
        List<SignupProblem> problems = rules.problems(signup(
                "Acme",
                "../../etc/passwd@acme.example",
                "starter",
                "UTC",
                List.of(new AdminUser("ada", TestKeys.ED25519), new AdminUser("bob", "ssh-ed25519 !!"))));

        assertThat(problems)
                .extracting(SignupProblem::field)
                .containsExactly("customerId", "email", "adminUsers[1].publicKey");
    }

    @Test
    void tenThousandAdminUsersAreOneProblemNotTenThousand() {
        List<AdminUser> admins = java.util.stream.IntStream.range(0, 10_000)
                .mapToObj(i -> new AdminUser("u" + i, "not a key"))
                .toList();

        assertThat(messages(signup("acme", "ops@acme.example", "pro", "UTC", admins)))
                .containsExactly("more than " + SignupRules.MAX_ADMIN_USERS + " admin users");
    }

    private List<String> messages(SignupReceived signup) {
        return rules.problems(signup).stream().map(SignupProblem::message).toList();
    }

    private List<String> problemsWithCustomerId(String customerId) {
        return messages(signup(customerId, "ops@acme.example", "starter", "UTC", List.of()));
    }

    private static SignupReceived signup(
            String customerId, String email, String plan, String timezone, List<AdminUser> admins) {
        return new SignupReceived(customerId, email, "Ada", plan, timezone, admins);
    }
}
