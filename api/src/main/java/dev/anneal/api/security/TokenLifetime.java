package dev.anneal.api.security;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code expiresIn} of a new token: a whole number of minutes, hours or days ({@code 90m},
 * {@code 12h}, {@code 30d}), from one minute to {@link #MAX}. Deliberately smaller than
 * {@link Duration#parse}: one unit, no fractions, nothing a person has to look up.
 */
final class TokenLifetime {

    static final Duration MAX = Duration.ofDays(3650);

    static final String RULE =
            "must be a whole number of minutes, hours or days such as 90m, 12h or 30d," + " from 1m to 3650d";

    private static final Pattern FORM = Pattern.compile("([0-9]{1,9})([mhd])");

    private TokenLifetime() {}

    /** The lifetime, or empty when {@code text} does not hold {@link #RULE}. */
    static Optional<Duration> parse(String text) {
        Matcher m = FORM.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        long amount = Long.parseLong(m.group(1));
        Duration lifetime = switch (m.group(2)) {
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
        return amount < 1 || lifetime.compareTo(MAX) > 0 ? Optional.empty() : Optional.of(lifetime);
    }
}
