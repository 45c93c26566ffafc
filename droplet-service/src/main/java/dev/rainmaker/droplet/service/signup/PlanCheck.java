package dev.rainmaker.droplet.service.signup;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.rainmaker.droplet.domain.Catalogue;
import dev.rainmaker.droplet.domain.CatalogueRegion;
import dev.rainmaker.droplet.domain.CatalogueSize;

/** Whether a plan's size, image and region can be created together according to DigitalOcean's live catalogue. */
final class PlanCheck {

    private PlanCheck() {}

    /** Every reason the plan cannot be created now; empty when it can. */
    static List<String> problems(String planName, String size, String image, String region, Catalogue catalogue) {
        List<String> problems = new ArrayList<>();
        String plan = "plan '" + planName + "'";
        Optional<CatalogueRegion> knownRegion = catalogue.region(region);
        Optional<CatalogueSize> knownSize = catalogue.size(size);
        if (knownRegion.isEmpty()) {
            problems.add(plan + ": region '" + region + "' is not in DigitalOcean's catalogue");
        } else if (!knownRegion.get().available()) {
            problems.add(plan + ": region '" + region + "' does not accept new droplets now");
        }
        if (knownSize.isEmpty()) {
            problems.add(plan + ": size '" + size + "' is not in DigitalOcean's catalogue");
        } else if (!knownSize.get().available()) {
            problems.add(plan + ": size '" + size + "' is not available for new droplets");
        } else if (knownRegion.isPresent() && !offeredIn(knownSize.get(), knownRegion.get())) {
            problems.add(plan + ": size '" + size + "' is not offered in region '" + region + "' (it is offered in: "
                    + String.join(", ", knownSize.get().regions()) + ")");
        }
        if (!catalogue.images().contains(image)) {
            problems.add(plan + ": image '" + image + "' is not one of DigitalOcean's distribution images");
        }
        return problems;
    }

    private static boolean offeredIn(CatalogueSize size, CatalogueRegion region) {
        return region.sizes().contains(size.slug()) && size.regions().contains(region.slug());
    }
}
