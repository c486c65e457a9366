package dev.anneal.api.security;

import dev.anneal.db.token.ApiTokens;
import dev.anneal.db.token.Projects;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On a start with security on and no live admin token (the first start, or after every admin
 * token was revoked or expired), creates an admin token for the project "default": the
 * configured {@code bootstrap-token}, or a random one printed once to the log and written to
 * {@link AccessProperties#adminTokenPath()} readable by the owner only, so whoever started the
 * server can use it and nobody else on the machine can. Either has no creator: it is a root of
 * the token hierarchy.
 */
@Component
@Order(0)
class AdminTokenBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminTokenBootstrap.class);

    private static final String NAME = "admin (first start)";

    private final AccessProperties access;
    private final ApiTokens tokens;

    AdminTokenBootstrap(AccessProperties access, ApiTokens tokens) {
        this.access = access;
        this.tokens = tokens;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (!access.enabled()) {
            return;
        }
        String given = access.bootstrapToken().trim();
        if (!given.isEmpty()) {
            fromConfiguration(given);
        } else if (!tokens.anyLiveAdmin()) {
            generate();
        }
    }

    /**
     * The configured token becomes the admin token when no admin token is live. A configured
     * token that was revoked stays revoked: someone meant it to stop working, and the value is
     * likely still in scripts and environment files. The server starts anyway, and says so.
     */
    private void fromConfiguration(String token) {
        String hash = TokenSecrets.hash(token);
        Optional<ApiTokens.TokenRecord> existing = tokens.findByHash(hash);
        boolean liveAdmin = tokens.anyLiveAdmin();
        if (existing.isPresent()) {
            ApiTokens.TokenRecord t = existing.get();
            if (t.revokedAt() != null) {
                log.warn(notLiveWarning(t, "was revoked on " + t.revokedAt(), liveAdmin));
            } else if (t.expiresAt() != null && t.expiresAt().isBefore(Instant.now())) {
                log.warn(notLiveWarning(t, "expired on " + t.expiresAt(), liveAdmin));
            }
            return;
        }
        if (liveAdmin) {
            log.info("anneal.security.bootstrap-token is not used: an admin token is live already"
                    + " (it takes effect only when none is)");
            return;
        }
        tokens.create(new ApiTokens.NewToken(
                        Projects.DEFAULT_ID, NAME, hash, TokenSecrets.shown(token), true, null, null))
                .ifPresent(created -> log.info(
                        "Created the admin token {} from anneal.security.bootstrap-token (project 'default')",
                        created.id()));
    }

    private String notLiveWarning(ApiTokens.TokenRecord token, String ended, boolean liveAdmin) {
        String what = "The token in anneal.security.bootstrap-token (" + token.prefix() + ", token id " + token.id()
                + ", project '" + token.project() + "') " + ended
                + "; it is not recreated and requests with it are refused (401). ";
        String todo = liveAdmin
                ? "Unset anneal.security.bootstrap-token: an admin token is live, so it would not be used."
                        + " Make more admin tokens with a live admin token: POST /api/v1/tokens"
                        + " {\"name\": \"...\", \"admin\": true}."
                : "No admin token is live now. Restart with anneal.security.bootstrap-token set to a new value"
                        + " (it becomes the admin token), or unset it to have an admin token generated and written to "
                        + access.adminTokenPath() + ".";
        return what + todo;
    }

    private void generate() throws IOException {
        String token = TokenSecrets.newToken();
        tokens.create(new ApiTokens.NewToken(
                        Projects.DEFAULT_ID,
                        NAME,
                        TokenSecrets.hash(token),
                        TokenSecrets.shown(token),
                        true,
                        null,
                        null))
                .orElseThrow(() -> new IllegalStateException("a fresh random token collided with a stored one"));
        Path file = access.adminTokenPath();
        writeOwnerOnly(file, token + "\n");
        log.warn("""

                ==========================================================================
                Created an admin API token for project 'default'. It is shown only now:

                    {}

                and saved to {} (readable by you only).
                Send it as 'Authorization: Bearer <token>'; create more with POST /api/v1/tokens.
                ==========================================================================""", token, file);
    }

    private static void writeOwnerOnly(Path file, String content) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Set<PosixFilePermission> ownerOnly =
                EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        try {
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(ownerOnly));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
        }
        Files.writeString(file, content, StandardOpenOption.TRUNCATE_EXISTING);
    }
}
