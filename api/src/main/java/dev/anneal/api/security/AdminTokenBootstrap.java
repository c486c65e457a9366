package dev.anneal.api.security;

import dev.anneal.db.token.ApiTokens;
import dev.anneal.db.token.Projects;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On a start with security on and no live admin token (the first start, or after every admin
 * token was revoked), creates an admin token for the project "default": printed once to the log and
 * written to {@link AccessProperties#adminTokenPath()} readable by the owner only, so whoever
 * started the server can use it and nobody else on the machine can.
 */
@Component
@Order(0)
class AdminTokenBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminTokenBootstrap.class);

    private final AccessProperties access;
    private final ApiTokens tokens;

    AdminTokenBootstrap(AccessProperties access, ApiTokens tokens) {
        this.access = access;
        this.tokens = tokens;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (!access.enabled() || tokens.anyLiveAdmin()) {
            return;
        }
        boolean given = !access.bootstrapToken().isBlank();
        String token = given ? access.bootstrapToken().trim() : TokenSecrets.newToken();
        tokens.create(
                Projects.DEFAULT_ID, "admin (first start)", TokenSecrets.hash(token), TokenSecrets.shown(token), true);
        if (given) {
            log.info("Created the admin token from anneal.security.bootstrap-token (project 'default')");
            return;
        }
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
