package dev.rainmaker.status.api;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rainmaker.status.client.PeerClient;
import dev.rainmaker.status.client.PeerClient.PeerResponse;
import dev.rainmaker.status.domain.Peer;
import dev.rainmaker.status.messaging.CustomerStore;
import dev.rainmaker.status.service.ViewUnavailableException;

/**
 * Answers a question about the view whichever instance was asked: one customer from the instance that holds its key
 * (here, or forwarded there), a list from every instance's partitions (scatter, then gather here). A request forwarded
 * by a peer ({@code X-Rainmaker-Scope: local}) is answered from this instance's own store only.
 */
@ApplicationScoped
public class ViewRouter {

    private final CustomerStore store;
    private final PeerClient peers;
    private final ObjectMapper json;

    ViewRouter(CustomerStore store, PeerClient peers, ObjectMapper json) {
        this.store = store;
        this.peers = peers;
        this.json = json;
    }

    /** The customer's answer: computed here when this instance holds it, else the owner's answer as it came. */
    public Response forCustomer(
            String customerId, String scope, String authorization, String pathAndQuery, Supplier<Object> local) {
        Peer owner = PeerClient.LOCAL.equals(scope) ? null : store.ownerOf(customerId);
        if (owner == null || owner.self()) {
            return Response.ok(local.get()).build();
        }
        PeerResponse answer = peers.get(owner, pathAndQuery, authorization);
        return Response.status(answer.status())
                .type(answer.contentType())
                .entity(answer.body())
                .build();
    }

    /** Every instance's local answer to the same question (this one's computed here), to be combined by the caller. */
    public <T> List<T> fromAll(
            String scope, String authorization, String pathAndQuery, Class<T> type, Supplier<T> local) {
        if (PeerClient.LOCAL.equals(scope)) {
            return List.of(local.get());
        }
        List<T> answers = new ArrayList<>();
        for (Peer peer : store.instances()) {
            answers.add(peer.self() ? local.get() : read(peers.get(peer, pathAndQuery, authorization), peer, type));
        }
        return answers;
    }

    private <T> T read(PeerResponse answer, Peer peer, Class<T> type) {
        if (!answer.ok()) {
            throw new ViewUnavailableException("the instance at " + peer.host() + ":" + peer.port() + " answered "
                    + answer.status() + ": " + answer.body());
        }
        try {
            JavaType javaType = json.constructType(type);
            return json.readValue(answer.body(), javaType);
        } catch (JsonProcessingException e) {
            throw new ViewUnavailableException("the instance at " + peer.host() + ":" + peer.port()
                    + " answered something unreadable: " + e.getOriginalMessage());
        }
    }
}
