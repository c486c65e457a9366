package dev.anneal.api.support;

import static org.assertj.core.api.Assertions.assertThat;

import tools.jackson.databind.JsonNode;

/** Tokens of other projects, made by an admin client, for tests that act as several tenants. */
public final class ProjectTokens {

    /** A created token: its id (to revoke it) and its secret (to use it). */
    public record Created(long id, String token) {}

    private ProjectTokens() {}

    /** A non-admin token of {@code project} (created if new), named {@code name}. */
    public static Created create(ApiClient admin, String project, String name) {
        ApiClient.Response created =
                admin.postJson("/api/v1/tokens", "{\"name\": \"" + name + "\", \"project\": \"" + project + "\"}");
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        JsonNode body = created.json();
        return new Created(body.path("id").asLong(), body.path("token").asString());
    }
}
