package dev.anneal.db.token;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * API tokens, stored by the SHA-256 of their secret. Every authenticated request looks its
 * token up here (one unique-index probe), so a revoked token stops working on its next request.
 */
@Repository
public class ApiTokens {

    /** The token row of an authenticated request. */
    public record Holder(long tokenId, long projectId, String projectName, boolean admin) {}

    /** A token as listed: never its secret, which is not stored. */
    public record TokenRecord(
            long id,
            String name,
            String project,
            String prefix,
            boolean admin,
            Instant createdAt,
            Instant lastUsedAt,
            Instant revokedAt) {}

    private static final String LISTED = """
            select t.id, t.name, p.name as project, t.token_prefix, t.admin, t.created_at, t.last_used_at, t.revoked_at
            from api_token t join project p on p.id = t.project_id
            """;

    private final JdbcClient jdbc;

    public ApiTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The live (unrevoked) token with this hash. Its last use is written at most once a minute,
     * and only when the row read says it is due, so most requests cost one read and no write.
     */
    public Optional<Holder> authenticate(String tokenHash) {
        record Found(Holder holder, boolean touchDue) {}
        Optional<Found> found = jdbc.sql("""
                        select t.id, t.project_id, p.name, t.admin,
                               (t.last_used_at is null or t.last_used_at < now() - interval '1 minute') as touch_due
                        from api_token t join project p on p.id = t.project_id
                        where t.token_hash = :hash and t.revoked_at is null
                        """)
                .param("hash", tokenHash)
                .query((rs, n) -> new Found(
                        new Holder(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getBoolean(4)), rs.getBoolean(5)))
                .optional();
        found.filter(Found::touchDue)
                .ifPresent(f -> jdbc.sql("update api_token set last_used_at = now() where id = :id")
                        .param("id", f.holder().tokenId())
                        .update());
        return found.map(Found::holder);
    }

    public TokenRecord create(long projectId, String name, String tokenHash, String prefix, boolean admin) {
        long id = jdbc.sql("""
                        insert into api_token (project_id, name, token_hash, token_prefix, admin)
                        values (:project, :name, :hash, :prefix, :admin)
                        returning id
                        """)
                .param("project", projectId)
                .param("name", name)
                .param("hash", tokenHash)
                .param("prefix", prefix)
                .param("admin", admin)
                .query(Long.class)
                .single();
        return find(id).orElseThrow();
    }

    public Optional<TokenRecord> find(long id) {
        return jdbc.sql(LISTED + " where t.id = :id")
                .param("id", id)
                .query(ApiTokens::record)
                .optional();
    }

    /** Tokens of one project, or of all projects when {@code projectId} is null. */
    public List<TokenRecord> list(Long projectId) {
        return jdbc.sql(LISTED + " where (cast(:project as bigint) is null or t.project_id = :project) order by t.id")
                .param("project", projectId)
                .query(ApiTokens::record)
                .list();
    }

    /** @return false if there was no such live token in the project (or anywhere, for null) */
    public boolean revoke(long id, Long projectId) {
        return jdbc.sql("""
                                update api_token set revoked_at = now()
                                where id = :id and revoked_at is null
                                  and (cast(:project as bigint) is null or project_id = :project)
                                """).param("id", id).param("project", projectId).update() == 1;
    }

    /**
     * Which of these tokens are still live (not revoked). Read-only; open event streams ask it
     * on every heartbeat, so a revoked token's streams end within one heartbeat interval.
     */
    public Set<Long> live(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(jdbc.sql("select id from api_token where id in (:ids) and revoked_at is null")
                .param("ids", ids)
                .query(Long.class)
                .list());
    }

    public boolean anyLiveAdmin() {
        return jdbc.sql("select exists (select 1 from api_token where admin and revoked_at is null)")
                .query(Boolean.class)
                .single();
    }

    private static TokenRecord record(ResultSet rs, int n) throws SQLException {
        return new TokenRecord(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getString("project"),
                rs.getString("token_prefix"),
                rs.getBoolean("admin"),
                instant(rs, "created_at"),
                instant(rs, "last_used_at"),
                instant(rs, "revoked_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        java.sql.Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
