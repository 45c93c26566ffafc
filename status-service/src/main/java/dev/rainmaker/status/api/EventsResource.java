package dev.rainmaker.status.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseBroadcaster;
import jakarta.ws.rs.sse.SseEventSink;

import dev.rainmaker.status.service.LiveTimeline;

/**
 * {@code GET /api/events}: every customer's timeline entries as they happen ({@code event: timeline}, {@code data:} the
 * entry's JSON), from the moment of subscription; no history.
 */
@Path("/api/events")
@RolesAllowed("viewer")
public class EventsResource {

    private final LiveTimeline live;
    private SseBroadcaster broadcaster;

    EventsResource(LiveTimeline live) {
        this.live = live;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void events(@Context SseEventSink sink, @Context Sse sse) {
        broadcaster(sse).register(sink);
    }

    private synchronized SseBroadcaster broadcaster(Sse sse) {
        if (broadcaster == null) {
            SseBroadcaster created = sse.newBroadcaster();
            live.listen(entry -> created.broadcast(
                    sse.newEventBuilder().name("timeline").data(entry).build()));
            broadcaster = created;
        }
        return broadcaster;
    }
}
