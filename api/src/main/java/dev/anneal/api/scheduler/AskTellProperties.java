package dev.anneal.api.scheduler;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Ask/tell for external jobs ({@code anneal.asktell.*}); defaults are in the README. Read by the
 * ask/tell endpoints, which set each trial's deadline, and by the reaper, which expires trials
 * past it.
 *
 * @param trialTimeout an asked trial that is neither told nor reported for this long counts as
 *     FAILED; each ask that resumes it and each report starts the wait again
 */
@ConfigurationProperties("anneal.asktell")
public record AskTellProperties(@DefaultValue("1h") Duration trialTimeout) {

    public AskTellProperties {
        if (trialTimeout.isNegative() || trialTimeout.isZero()) {
            throw new IllegalArgumentException(
                    "anneal.asktell.trial-timeout must be positive, but was " + trialTimeout);
        }
    }
}
