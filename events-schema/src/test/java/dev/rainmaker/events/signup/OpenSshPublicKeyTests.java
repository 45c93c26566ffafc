package dev.rainmaker.events.signup;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OpenSshPublicKeyTests {

    @Test
    void keysMadeBySshKeygenParseWithTheirTypeAndComment() {
        assertThat(OpenSshPublicKey.parse(TestKeys.ED25519).type()).isEqualTo("ssh-ed25519");
        assertThat(OpenSshPublicKey.parse(TestKeys.ED25519).comment()).contains("alice@laptop");
        assertThat(OpenSshPublicKey.parse(TestKeys.ECDSA_P256).type()).isEqualTo("ecdsa-sha2-nistp256");
    }

    @Test
    void aKeyWhoseDataIsOfAnotherTypeIsRefused() {
        String ed25519Blob = TestKeys.ED25519.split(" ")[1];

        assertThatThrownBy(() -> OpenSshPublicKey.parse("ssh-rsa " + ed25519Blob))
                .hasMessage("the key says it is ssh-rsa but its data is ssh-ed25519");
    }

    @Test
    void malformedKeysAreRefusedWithWhatIsWrong() {
        assertThatThrownBy(() -> OpenSshPublicKey.parse("")).hasMessageContaining("empty");
        assertThatThrownBy(() -> OpenSshPublicKey.parse("ssh-ed25519")).hasMessageContaining("<type> <base64 key>");
        assertThatThrownBy(() -> OpenSshPublicKey.parse("ssh-dss AAAAB3NzaC1kc3M="))
                .hasMessageContaining("ssh-dss");
        assertThatThrownBy(() -> OpenSshPublicKey.parse("ssh-ed25519 not*base64"))
                .hasMessageContaining("base64");
        assertThatThrownBy(() -> OpenSshPublicKey.parse("ssh-ed25519 AAAA")).hasMessageContaining("truncated");
    }

    @Test
    void aKeyFollowedByASecondKeyOnAnotherLineIsRefusedRatherThanTakenAsItsComment() {
        assertThatThrownBy(() -> OpenSshPublicKey.parse(TestKeys.ED25519 + "\n" + TestKeys.ECDSA_P256))
                .hasMessage("the public key must be one line, but it holds a line break");
        assertThatThrownBy(() -> OpenSshPublicKey.parse(TestKeys.ED25519 + "\r\nssh-ed25519 AAAA"))
                .hasMessageContaining("one line");
    }
}
