package dev.anneal.api.events;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Live job events ({@code anneal.events.*}); defaults are in the README.
 *
 * @param pollInterval how often PostgreSQL is read for changes of jobs that have subscribers
 * @param heartbeatInterval how often an idle stream gets a {@code heartbeat} event, so proxies
 *     keep it open and clients notice a dead server
 * @param streamTimeout how long one stream stays open; EventSource clients reconnect by themselves
 */
@ConfigurationProperties("anneal.events")
public record EventsProperties(
        @DefaultValue("500ms") Duration pollInterval,
        @DefaultValue("15s") Duration heartbeatInterval,
        @DefaultValue("30m") Duration streamTimeout) {}
