package dev.anneal.api.events;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Live job events ({@code anneal.events.*}); defaults are in the README.
 *
 * @param pollInterval how often PostgreSQL is read for changes of jobs that have subscribers
 * @param heartbeatInterval how often every stream gets a {@code heartbeat} event, so proxies
 *     keep it open, clients notice a dead server and the server notices a gone client; the
 *     token that opened each stream is checked as often, and a revoked token's streams end
 * @param streamTimeout how long one stream stays open; EventSource clients reconnect by themselves
 * @param maxStreamsPerToken open streams one token may hold on this server (all callers together
 *     with security off); one more is refused with 429
 */
@ConfigurationProperties("anneal.events")
public record EventsProperties(
        @DefaultValue("500ms") Duration pollInterval,
        @DefaultValue("15s") Duration heartbeatInterval,
        @DefaultValue("30m") Duration streamTimeout,
        @DefaultValue("8") int maxStreamsPerToken) {

    public EventsProperties {
        if (maxStreamsPerToken < 1) {
            throw new IllegalArgumentException(
                    "anneal.events.max-streams-per-token must be at least 1, but was " + maxStreamsPerToken);
        }
    }
}
