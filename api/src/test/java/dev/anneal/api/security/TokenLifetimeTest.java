package dev.anneal.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TokenLifetimeTest {

    @Test
    void wholeMinutesHoursOrDaysUpTo3650Days() {
        assertThat(TokenLifetime.parse("90m")).contains(Duration.ofMinutes(90));
        assertThat(TokenLifetime.parse("12h")).contains(Duration.ofHours(12));
        assertThat(TokenLifetime.parse("30d")).contains(Duration.ofDays(30));
        assertThat(TokenLifetime.parse("1m")).contains(Duration.ofMinutes(1));
        assertThat(TokenLifetime.parse("3650d")).contains(Duration.ofDays(3650));
        assertThat(TokenLifetime.parse("87600h")).contains(Duration.ofDays(3650));
        assertThat(TokenLifetime.parse("007d")).contains(Duration.ofDays(7));
    }

    @Test
    void anythingElseIsRefused() {
        for (String bad : new String[] {
            "",
            "30",
            "30s",
            "0m",
            "0d",
            "3651d",
            "87601h",
            "5256001m",
            "999999999d",
            "1234567890m",
            "1.5h",
            "-1d",
            "+1d",
            "1 d",
            " 1d",
            "1D",
            "1w",
            "d",
            "1dd",
            "P1D"
        }) {
            assertThat(TokenLifetime.parse(bad)).as(bad).isEmpty();
        }
    }
}
