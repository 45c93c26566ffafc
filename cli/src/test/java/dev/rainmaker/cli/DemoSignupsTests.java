package dev.rainmaker.cli;

import java.util.Base64;
import java.util.List;

import dev.rainmaker.events.SignupReceived;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DemoSignupsTests {

    @Test
    void makesDistinctCustomersWithOneAdminEach() {
        List<SignupReceived> signups = DemoSignups.create("demo-x", 3);

        assertThat(signups).extracting(SignupReceived::customerId).containsExactly("demo-x-1", "demo-x-2", "demo-x-3");
        assertThat(signups).extracting(SignupReceived::email).doesNotHaveDuplicates();
        assertThat(signups)
                .extracting(signup -> signup.adminUsers().getFirst().username())
                .containsExactly("ada", "grace", "katherine");
    }

    @Test
    void adminKeysAreOpenSshEd25519LinesWhoseBlobNamesTheirType() {
        String[] parts = DemoSignups.ed25519PublicKey("ada@demo").split(" ");

        assertThat(parts).hasSize(3);
        assertThat(parts[0]).isEqualTo("ssh-ed25519");
        byte[] blob = Base64.getDecoder().decode(parts[1]);
        assertThat(blob).hasSize(4 + 11 + 4 + 32);
        assertThat(new String(blob, 4, 11)).isEqualTo("ssh-ed25519");
        assertThat(parts[2]).isEqualTo("ada@demo");
    }
}
