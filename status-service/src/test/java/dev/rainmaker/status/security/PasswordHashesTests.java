package dev.rainmaker.status.security;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordHashesTests {

    /** PHP's password_hash() example (php.net, password_verify): a real $2y$ hash, as htpasswd -B writes them. */
    private static final String PHP_2Y = "$2y$10$.vGA1O9wmRjrwAVXD98HNOgsNpDczlqm3Jq7KnEd1rVAGv3Fykk1a";

    @Test
    void aHashWrittenByPhpOrHtpasswdAsDollar2yMatchesItsPasswordOnly() {
        assertThat(PasswordHashes.matches("rasmuslerdorf", PHP_2Y)).isTrue();
        assertThat(PasswordHashes.matches("rasmuslerdorF", PHP_2Y)).isFalse();
    }

    @Test
    void aHashMadeHereMatchesItsPasswordUnderEveryBcryptPrefix() {
        String hash = PasswordHashes.hash("correct horse");

        assertThat(hash).startsWith("$2a$10$");
        assertThat(PasswordHashes.matches("correct horse", hash)).isTrue();
        assertThat(PasswordHashes.matches("correct horse", "$2y$" + hash.substring(4)))
                .isTrue();
        assertThat(PasswordHashes.matches("correct horse", "$2b$" + hash.substring(4)))
                .isTrue();
        assertThat(PasswordHashes.matches("wrong horse", hash)).isFalse();
    }

    @Test
    void somethingThatIsNotABcryptHashMatchesNothing() {
        assertThat(PasswordHashes.matches("secret", "secret")).isFalse();
        assertThat(PasswordHashes.matches("secret", null)).isFalse();
        assertThat(PasswordHashes.matches("secret", "$2y$10$short")).isFalse();
    }
}
