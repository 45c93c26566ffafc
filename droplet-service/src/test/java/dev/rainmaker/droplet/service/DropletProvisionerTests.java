package dev.rainmaker.droplet.service;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import dev.rainmaker.droplet.domain.DropletCreation;
import dev.rainmaker.events.AdminUser;
import dev.rainmaker.events.Droplet;
import dev.rainmaker.events.DropletRequested;
import dev.rainmaker.events.DropletSpec;
import dev.rainmaker.events.SignupReceived;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DropletProvisionerTests {

    private static final DropletRequested REQUEST = new DropletRequested(
            new SignupReceived(
                    "acme-42",
                    "ops@acme.example",
                    "Ada",
                    "starter",
                    "Europe/Berlin",
                    List.of(new AdminUser("ada", TestKeys.ED25519))),
            new DropletSpec("rm-acme-42", "s-1vcpu-1gb", "debian-12-x64", "fra1"));

    @TempDir
    Path keys;

    private final FakeDigitalOcean digitalOcean = new FakeDigitalOcean();
    private DropletProvisioner provisioner;

    @BeforeEach
    void provisioner() throws Exception {
        Path provisioningKey = Files.writeString(keys.resolve("provisioning.pub"), TestKeys.ED25519 + "\n");
        provisioner = new DropletProvisioner(
                digitalOcean,
                new TransientRetry(3, new Backoff(Duration.ofMillis(1), Duration.ofMillis(5))),
                new ProvisioningKey(provisioningKey),
                new CustomerLocks(),
                new DropletProvisioner.Waiting(Duration.ofMillis(1), Duration.ofSeconds(2), Duration.ofSeconds(1)));
    }

    @Test
    void aNewCustomerGetsOneTaggedDropletBootedWithTheCloudConfig() {
        Droplet droplet = provisioner.provision(REQUEST);

        DropletCreation created = digitalOcean.creates.getFirst();
        assertThat(digitalOcean.creates).hasSize(1);
        assertThat(created.name()).isEqualTo("rm-acme-42");
        assertThat(created.tags().subList(0, 2)).containsExactly("rainmaker", "rainmaker-customer-acme-42");
        assertThat(created.tags().get(2)).matches("rainmaker-hostkey-[0-9a-f]{64}");
        assertThat(created.userData()).startsWith("#cloud-config\n").contains("  - " + TestKeys.ED25519 + "\n");
        assertThat(droplet.publicIpv4()).startsWith("127.10.0.");
        assertThat(droplet.hostKeyFingerprint())
                .isEqualTo(HostKeys.fingerprintFromHex(created.tags().get(2).substring("rainmaker-hostkey-".length())));
        assertThat(droplet.size()).isEqualTo("s-1vcpu-1gb");
    }

    @Test
    void aRedeliveredRequestReusesTheDropletItFindsByTag() {
        Droplet first = provisioner.provision(REQUEST);
        Droplet second = provisioner.provision(REQUEST);

        assertThat(digitalOcean.creates).hasSize(1);
        assertThat(second).isEqualTo(first);
    }

    @Test
    void aCreateWhoseAnswerWasLostIsFoundByTagInsteadOfSentAgain() {
        digitalOcean.createResponsesToLose = 1;

        Droplet droplet = provisioner.provision(REQUEST);

        assertThat(digitalOcean.creates).hasSize(1);
        assertThat(droplet.name()).isEqualTo("rm-acme-42");
    }

    @Test
    void aCreateDigitalOceanRefusesFailsPermanently() {
        digitalOcean.refuseCreatesWith = 422;

        assertThatThrownBy(() -> provisioner.provision(REQUEST))
                .isInstanceOf(PermanentFailure.class)
                .hasMessageStartingWith(
                        "DigitalOcean refused to create droplet rm-acme-42 (s-1vcpu-1gb, debian-12-x64," + " fra1)");
    }

    @Test
    void aDropletThatNeverBecomesActiveFailsPermanentlyOnceTheBudgetIsSpent() {
        digitalOcean.pollsUntilActive = -1;

        assertThatThrownBy(() -> provisioner.provision(REQUEST))
                .isInstanceOf(PermanentFailure.class)
                .hasMessageContaining("is still 'new' after PT2S");
    }

    @Test
    void aMissingProvisioningKeyFileFailsPermanentlyNamingTheSetting() {
        provisioner = new DropletProvisioner(
                digitalOcean,
                new TransientRetry(1, new Backoff(Duration.ofMillis(1), Duration.ofMillis(1))),
                new ProvisioningKey(keys.resolve("absent.pub")),
                new CustomerLocks(),
                new DropletProvisioner.Waiting(Duration.ofMillis(1), Duration.ofSeconds(1), Duration.ofSeconds(1)));

        assertThatThrownBy(() -> provisioner.provision(REQUEST))
                .isInstanceOf(PermanentFailure.class)
                .hasMessageContaining("rainmaker.droplet.provisioning-public-key-file");
        assertThat(digitalOcean.creates).isEmpty();
    }
}
