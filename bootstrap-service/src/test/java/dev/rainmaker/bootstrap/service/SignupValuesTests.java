package dev.rainmaker.bootstrap.service;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The door: every hostile value is refused as a time zone, a user name and a public key, with a message naming the
 * field (control characters shown as {@code ?}). A key's comment may hold any printable text, quotes and {@code $(...)}
 * included; it reaches the shell only quoted ({@link HostileValuesInARealShellTests}).
 */
class SignupValuesTests {

    @Test
    void everyHostileValueIsRefusedAsTimezoneUserNameAndKey() {
        for (String hostile : HostileValuesInARealShellTests.HOSTILE) {
            assertThatThrownBy(() -> SignupValues.timezone(hostile))
                    .as("time zone %s", hostile)
                    .isInstanceOf(HardeningFailure.class)
                    .hasMessageContaining("is not an IANA time zone");
            assertThatThrownBy(() -> SignupValues.username(hostile))
                    .as("user name %s", hostile)
                    .isInstanceOf(HardeningFailure.class)
                    .hasMessageContaining("is not a Linux login name for a person");
            assertThatThrownBy(() -> SignupValues.publicKey("ada", hostile))
                    .as("public key %s", hostile)
                    .isInstanceOf(HardeningFailure.class)
                    .hasMessageContaining("the public key of admin user 'ada' is not one OpenSSH public key line");
        }
    }

    @Test
    void theRefusalShowsTheValueWithControlCharactersMadeVisible() {
        assertThatThrownBy(() -> SignupValues.username("a\nb"))
                .hasMessageStartingWith("the admin user name 'a?b' is not a Linux login name");
    }

    @Test
    void legalValuesPass() {
        assertThat(SignupValues.timezone("America/Argentina/Buenos_Aires")).isEqualTo("America/Argentina/Buenos_Aires");
        assertThat(SignupValues.username("grace_h-2")).isEqualTo("grace_h-2");
        assertThatThrownBy(() -> SignupValues.username("-rf")).isInstanceOf(HardeningFailure.class);
    }
}
