package dev.rainmaker.droplet.service.signup;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import dev.rainmaker.droplet.domain.Catalogue;
import dev.rainmaker.droplet.domain.CatalogueRegion;
import dev.rainmaker.droplet.domain.CatalogueSize;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PlanCheckTests {

    private static final Catalogue CATALOGUE = new Catalogue(
            List.of(
                    new CatalogueSize("s-1vcpu-1gb", true, List.of("fra1", "sgp1")),
                    new CatalogueSize("s-2vcpu-4gb", true, List.of("fra1"))),
            List.of(
                    new CatalogueRegion("fra1", true, List.of("s-1vcpu-1gb", "s-2vcpu-4gb")),
                    new CatalogueRegion("sgp1", true, List.of("s-1vcpu-1gb")),
                    new CatalogueRegion("lon1", false, List.of())),
            Set.of("debian-12-x64", "ubuntu-24-04-x64"),
            Instant.EPOCH);

    @Test
    void aPlanTheCatalogueOffersHasNoProblems() {
        assertThat(PlanCheck.problems("starter", "s-1vcpu-1gb", "debian-12-x64", "fra1", CATALOGUE))
                .isEmpty();
    }

    @Test
    void aSizeNotOfferedInTheRegionSaysWhereItIsOffered() {
        assertThat(PlanCheck.problems("pro", "s-2vcpu-4gb", "debian-12-x64", "sgp1", CATALOGUE))
                .containsExactly(
                        "plan 'pro': size 's-2vcpu-4gb' is not offered in region 'sgp1' (it is offered in:" + " fra1)");
    }

    @Test
    void unknownOrUnavailableRegionsSizesAndImagesAreEachNamed() {
        assertThat(PlanCheck.problems("pro", "s-64vcpu", "windows-95", "mars1", CATALOGUE))
                .containsExactly(
                        "plan 'pro': region 'mars1' is not in DigitalOcean's catalogue",
                        "plan 'pro': size 's-64vcpu' is not in DigitalOcean's catalogue",
                        "plan 'pro': image 'windows-95' is not one of DigitalOcean's distribution images");
        assertThat(PlanCheck.problems("pro", "s-1vcpu-1gb", "debian-12-x64", "lon1", CATALOGUE))
                .contains("plan 'pro': region 'lon1' does not accept new droplets now");
    }
}
