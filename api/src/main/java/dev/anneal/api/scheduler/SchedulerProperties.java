package dev.anneal.api.scheduler;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The scheduler and reaper ({@code anneal.scheduler.*}); defaults are in the README.
 *
 * @param interval how often every unfinished job is reconciled even without events
 * @param reapInterval how often running trials are checked for stale heartbeats
 * @param deadAfter a running trial whose last heartbeat is older than this is taken back
 * @param maxAttempts claims per trial before a lost trial fails instead of being requeued
 * @param failFastAfter a job fails once this many trials failed without any completing
 */
@ConfigurationProperties("anneal.scheduler")
public record SchedulerProperties(
        @DefaultValue("1s") Duration interval,
        @DefaultValue("5s") Duration reapInterval,
        @DefaultValue("20s") Duration deadAfter,
        @DefaultValue("3") int maxAttempts,
        @DefaultValue("5") int failFastAfter) {}
