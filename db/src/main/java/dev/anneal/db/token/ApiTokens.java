package dev.anneal.db.token;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * API tokens, stored by the SHA-256 of their secret. Every authenticated request looks its
 * token up here (one unique-index probe), so a revoked or expired token stops working on its
 * next request. Tokens form a tree by {@code created_by}: revoking one revokes its subtree.
 */
@Repository
public class ApiTokens {

    /** The token row of an authenticated request. */
    public record Holder(long tokenId, long projectId, String projectName, boolean admin) {}

    /** What a presented secret turned out to be. */
    public sealed interface Presented {

        /** A live token: the request acts as its holder. */
        record Live(Holder holder) implements Presented {}

        /** A token that is not revoked but whose time ran out at {@code expiresAt}. */
        record Expired(Instant expiresAt) implements Presented {}

        /** No token has this secret, or it was revoked (not told apart, on purpose). */
        record Unknown() implements Presented {}
    }

    /**
     * A token as listed: never its secret, which is not stored.
     *
     * @param createdBy the id of the token that made it; null for bootstrap admin tokens, tokens
     *     made with security off and tokens older than the hierarchy
     */
    public record TokenRecord(
            long id,
            String name,
            String project,
            String prefix,
            boolean admin,
            Long createdBy,
            Instant createdAt,
            Instant expiresAt,
            Instant lastUsedAt,
            Instant revokedAt) {}

    /**
     * A token to store.
     *
     * @param createdBy the live token that makes it, or null for a token without a creator
     * @param lifetime how long it is valid from now; null for no limit of its own (it still ends
     *     with its creator's expiry)
     */
    public record NewToken(
            long projectId,
            String name,
            String hash,
            String prefix,
            boolean admin,
            Long createdBy,
            Duration lifetime) {}

    /**
     * Transaction-scoped advisory lock that orders token creations and revocations: a token
     * minted while its creator's subtree is being revoked either commits first (and is then
     * found by the revocation) or sees its creator revoked. Row locks cannot give this, since a
     * revocation's subtree query does not see children committed while it waits.
     */
    static final long CHANGES_LOCK = 0x616e6e65616c5401L;

    private static final String LISTED = """
            select t.id, t.name, p.name as project, t.token_prefix, t.admin, t.created_by, t.created_at,
                   t.expires_at, t.last_used_at, t.revoked_at
            from api_token t join project p on p.id = t.project_id
            """;

    private final JdbcClient jdbc;

    public ApiTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * What the token with this hash is. The last use of a live token is written at most once a
     * minute, and only when the row read says it is due, so most requests cost one read and no
     * write.
     */
    public Presented authenticate(String tokenHash) {
        record Found(Presented presented, boolean touchDue) {}
        Optional<Found> found = jdbc.sql("""
                        select t.id, t.project_id, p.name, t.admin, t.expires_at,
                               (t.expires_at is not null and t.expires_at <= now()) as expired,
                               (t.last_used_at is null or t.last_used_at < now() - interval '1 minute') as touch_due
                        from api_token t join project p on p.id = t.project_id
                        where t.token_hash = :hash and t.revoked_at is null
                        """)
                .param("hash", tokenHash)
                .query((rs, n) -> rs.getBoolean("expired")
                        ? new Found(new Presented.Expired(instant(rs, "expires_at")), false)
                        : new Found(
                                new Presented.Live(
                                        new Holder(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getBoolean(4))),
                                rs.getBoolean("touch_due")))
                .optional();
        found.filter(Found::touchDue)
                .ifPresent(f -> jdbc.sql("update api_token set last_used_at = now() where id = :id")
                        .param("id", ((Presented.Live) f.presented()).holder().tokenId())
                        .update());
        return found.map(Found::presented).orElseGet(Presented.Unknown::new);
    }

    /**
     * Stores a token. With a creator, only while that creator is live (neither revoked nor
     * expired), and expiring no later than it.
     *
     * @return empty when the creator is no longer live, or (without a creator) when a token with
     *     this hash already exists
     */
    @Transactional
    public Optional<TokenRecord> create(NewToken t) {
        lockChanges();
        Long seconds = t.lifetime() == null ? null : t.lifetime().toSeconds();
        Optional<Long> id = t.createdBy() == null
                ? jdbc.sql("""
                                insert into api_token (project_id, name, token_hash, token_prefix, admin, expires_at)
                                values (:project, :name, :hash, :prefix, :admin,
                                        now() + make_interval(secs => cast(:seconds as bigint)))
                                on conflict (token_hash) do nothing
                                returning id
                                """)
                        .param("project", t.projectId())
                        .param("name", t.name())
                        .param("hash", t.hash())
                        .param("prefix", t.prefix())
                        .param("admin", t.admin())
                        .param("seconds", seconds)
                        .query(Long.class)
                        .optional()
                // least() skips nulls: no lifetime of its own means the creator's expiry (or none)
                : jdbc.sql("""
                                insert into api_token
                                    (project_id, name, token_hash, token_prefix, admin, created_by, expires_at)
                                select :project, :name, :hash, :prefix, :admin, c.id,
                                       least(now() + make_interval(secs => cast(:seconds as bigint)), c.expires_at)
                                from api_token c
                                where c.id = :creator and c.revoked_at is null
                                  and (c.expires_at is null or c.expires_at > now())
                                returning id
                                """)
                        .param("project", t.projectId())
                        .param("name", t.name())
                        .param("hash", t.hash())
                        .param("prefix", t.prefix())
                        .param("admin", t.admin())
                        .param("seconds", seconds)
                        .param("creator", t.createdBy())
                        .query(Long.class)
                        .optional();
        return id.map(i -> find(i).orElseThrow());
    }

    public Optional<TokenRecord> find(long id) {
        return jdbc.sql(LISTED + " where t.id = :id")
                .param("id", id)
                .query(ApiTokens::record)
                .optional();
    }

    public Optional<TokenRecord> findByHash(String tokenHash) {
        return jdbc.sql(LISTED + " where t.token_hash = :hash")
                .param("hash", tokenHash)
                .query(ApiTokens::record)
                .optional();
    }

    /** Every project's tokens, admin ones included. */
    public List<TokenRecord> listAll() {
        return jdbc.sql(LISTED + " order by t.id").query(ApiTokens::record).list();
    }

    /** The non-admin tokens of one project: what a project's own token may see and manage. */
    public List<TokenRecord> listNonAdmin(long projectId) {
        return jdbc.sql(LISTED + " where t.project_id = :project and not t.admin order by t.id")
                .param("project", projectId)
                .query(ApiTokens::record)
                .list();
    }

    /**
     * Revokes a live token and every token it made, transitively, in one statement.
     *
     * @return the ids revoked now, the token's first (tokens of the subtree that were already
     *     revoked are not repeated); empty when the token is unknown or was already revoked
     */
    @Transactional
    public List<Long> revokeWithDescendants(long id) {
        lockChanges();
        return jdbc.sql("""
                        with recursive subtree(id) as (
                            select id from api_token where id = :id and revoked_at is null
                            union
                            select t.id from api_token t join subtree s on t.created_by = s.id
                        )
                        update api_token t set revoked_at = now()
                        from subtree s
                        where t.id = s.id and t.revoked_at is null
                        returning t.id
                        """).param("id", id).query(Long.class).list().stream()
                .sorted() // a creator is older than what it made: the token itself comes first
                .toList();
    }

    /**
     * Which of these tokens are still live (neither revoked nor expired). Read-only; open event streams ask it
     * on every heartbeat, so a revoked token's streams end within one heartbeat interval.
     */
    public Set<Long> live(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(jdbc.sql("select id from api_token where id in (:ids) and revoked_at is null"
                        + " and (expires_at is null or expires_at > now())")
                .param("ids", ids)
                .query(Long.class)
                .list());
    }

    /** Whether some admin token is live (neither revoked nor expired). */
    public boolean anyLiveAdmin() {
        return jdbc.sql("""
                        select exists (select 1 from api_token
                                       where admin and revoked_at is null and (expires_at is null or expires_at > now()))
                        """).query(Boolean.class).single();
    }

    private void lockChanges() {
        jdbc.sql("select pg_advisory_xact_lock(:key)")
                .param("key", CHANGES_LOCK)
                .query((rs, n) -> 1)
                .single();
    }

    private static TokenRecord record(ResultSet rs, int n) throws SQLException {
        return new TokenRecord(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getString("project"),
                rs.getString("token_prefix"),
                rs.getBoolean("admin"),
                rs.getObject("created_by", Long.class),
                instant(rs, "created_at"),
                instant(rs, "expires_at"),
                instant(rs, "last_used_at"),
                instant(rs, "revoked_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        java.sql.Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
