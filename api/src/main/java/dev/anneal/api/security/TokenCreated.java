package dev.anneal.api.security;

import dev.anneal.db.token.ApiTokens;
import java.time.Instant;

/** The answer to creating a token: the only time its secret ({@code token}) is shown. */
record TokenCreated(
        long id,
        String name,
        String project,
        boolean admin,
        Long createdBy,
        Instant createdAt,
        Instant expiresAt,
        String token) {

    static TokenCreated of(ApiTokens.TokenRecord r, String secret) {
        return new TokenCreated(
                r.id(), r.name(), r.project(), r.admin(), r.createdBy(), r.createdAt(), r.expiresAt(), secret);
    }
}
