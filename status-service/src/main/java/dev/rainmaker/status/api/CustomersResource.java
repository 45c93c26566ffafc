package dev.rainmaker.status.api;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.rainmaker.status.client.PeerClient;
import dev.rainmaker.status.domain.CustomerPage;
import dev.rainmaker.status.domain.CustomerView;
import dev.rainmaker.status.service.CustomerQuery;
import dev.rainmaker.status.service.CustomerViews;
import dev.rainmaker.status.service.LocalCustomers;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** {@code /api/customers}: one customer with its timeline, or a page of them, whichever instance holds them. */
@Path("/api/customers")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("viewer")
public class CustomersResource {

    private static final Comparator<CustomerView> NEWEST_FIRST =
            Comparator.comparing(CustomerView::since).reversed().thenComparing(CustomerView::customerId);

    private final LocalCustomers customers;
    private final CustomerViews views;
    private final ViewRouter router;

    CustomersResource(LocalCustomers customers, CustomerViews views, ViewRouter router) {
        this.customers = customers;
        this.views = views;
        this.router = router;
    }

    @GET
    @Path("{id}")
    public Response customer(
            @RestPath String id,
            @RestHeader(PeerClient.SCOPE_HEADER) String scope,
            @RestHeader("Authorization") String authorization) {
        return router.forCustomer(
                id,
                scope,
                authorization,
                "/api/customers/" + encode(id),
                () -> customers
                        .find(id)
                        .map(status -> views.of(status, Instant.now()))
                        .orElseThrow(() -> Problems.unknownCustomer(id)));
    }

    @GET
    public CustomerPage list(
            @RestQuery String state,
            @RestQuery String stage,
            @RestQuery String stuck,
            @RestQuery String q,
            @RestQuery String page,
            @RestQuery String size,
            @RestHeader(PeerClient.SCOPE_HEADER) String scope,
            @RestHeader("Authorization") String authorization) {
        CustomerQuery query = QueryParameters.customers(state, stage, stuck, q);
        int pageNumber = QueryParameters.number("page", page, 0, 0, Integer.MAX_VALUE);
        int pageSize = QueryParameters.number("size", size, 50, 1, 1000);
        String forwarded = "/api/customers?" + QueryParameters.encode(state, stage, stuck, q);
        List<CustomerView> matching = new ArrayList<>();
        for (CustomerPage part :
                router.fromAll(scope, authorization, forwarded, CustomerPage.class, () -> local(query))) {
            matching.addAll(part.items());
        }
        matching.sort(NEWEST_FIRST);
        if (PeerClient.LOCAL.equals(scope)) {
            return new CustomerPage(matching, 0, matching.size(), matching.size());
        }
        int from = (int) Math.min((long) pageNumber * pageSize, matching.size());
        int to = Math.min(from + pageSize, matching.size());
        return new CustomerPage(List.copyOf(matching.subList(from, to)), pageNumber, pageSize, matching.size());
    }

    /** Every customer of this instance's partitions that matches, without timelines. */
    private CustomerPage local(CustomerQuery query) {
        Instant now = Instant.now();
        List<CustomerView> matching = new ArrayList<>();
        customers.forEach(status -> {
            CustomerView view = views.of(status, now);
            if (query.test(view)) {
                matching.add(view.withoutTimeline());
            }
        });
        return new CustomerPage(matching, 0, matching.size(), matching.size());
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
