package dev.anneal.api.security;

import dev.anneal.api.problem.ApiProblem;
import dev.anneal.api.problem.FieldError;
import dev.anneal.api.problem.ProblemTypes;
import dev.anneal.db.token.ApiTokens;
import dev.anneal.db.token.Projects;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creating, listing and revoking API tokens. Tokens form a hierarchy: each records the token
 * that made it, and revoking a token revokes everything it made. A project's (non-admin) token
 * makes, sees and revokes only non-admin tokens of its own project; an admin token manages the
 * tokens of every project, and only it makes projects and admin tokens or revokes admin tokens.
 */
@Service
class TokenService {

    static final Pattern PROJECT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

    private static final Logger log = LoggerFactory.getLogger(TokenService.class);

    private final ApiTokens tokens;
    private final Projects projects;
    private final CurrentCaller current;

    TokenService(ApiTokens tokens, Projects projects, CurrentCaller current) {
        this.tokens = tokens;
        this.projects = projects;
        this.current = current;
    }

    @Transactional
    TokenCreated create(TokenRequest request) {
        Caller caller = current.get();
        List<FieldError> errors = new ArrayList<>();
        String name = request == null ? null : request.name();
        if (name == null || name.isBlank() || name.length() > 100) {
            errors.add(new FieldError("name", "must be 1 to 100 characters"));
        }
        String project = request == null || request.project() == null ? caller.projectName() : request.project();
        if (!PROJECT.matcher(project).matches()) {
            errors.add(new FieldError(
                    "project", "must be 1-64 letters, digits, '_', '-' or '.', starting with a letter or digit"));
        }
        String expiresIn = request == null ? null : request.expiresIn();
        Duration lifetime =
                expiresIn == null ? null : TokenLifetime.parse(expiresIn.trim()).orElse(null);
        if (expiresIn != null && lifetime == null) {
            errors.add(new FieldError("expiresIn", TokenLifetime.RULE + "; got '" + abbreviated(expiresIn) + "'"));
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.badRequest(ProblemTypes.INVALID_REQUEST, "Invalid request", errors);
        }
        boolean admin = request.admin() != null && request.admin();
        if ((admin || !project.equals(caller.projectName())) && !caller.admin()) {
            throw forbidden(
                    admin
                            ? "only an admin token creates admin tokens"
                            : "only an admin token creates tokens for another project");
        }
        String secret = TokenSecrets.newToken();
        ApiTokens.NewToken token = new ApiTokens.NewToken(
                projects.idOrCreate(project),
                name.trim(),
                TokenSecrets.hash(secret),
                TokenSecrets.shown(secret),
                admin,
                caller.tokenId(),
                lifetime);
        // empty only when the caller's token was revoked (or expired) after this request was let in;
        // the transaction rolls back, so not even a new project is left behind
        ApiTokens.TokenRecord created = tokens.create(token)
                .orElseThrow(() -> new ApiProblem(
                        HttpStatus.UNAUTHORIZED,
                        ProblemTypes.UNAUTHORIZED,
                        "Unauthorized",
                        "the API token was revoked or expired while this request ran"));
        return TokenCreated.of(created, secret);
    }

    /** Every token for an admin token; a project's token sees its project's non-admin tokens. */
    List<ApiTokens.TokenRecord> list() {
        Caller caller = current.get();
        return caller.admin() ? tokens.listAll() : tokens.listNonAdmin(caller.projectId());
    }

    /**
     * Revokes at once, with every token it made (transitively): their next request is refused.
     * To a project's token, other projects' tokens do not exist (404) and its own project's admin
     * tokens are out of reach (403).
     */
    @Transactional
    void revoke(long id) {
        Caller caller = current.get();
        ApiTokens.TokenRecord target = tokens.find(id)
                .filter(t -> t.revokedAt() == null)
                .filter(t -> caller.admin() || t.project().equals(caller.projectName()))
                .orElseThrow(() -> notFound(id));
        if (target.admin() && !caller.admin()) {
            throw forbidden("only an admin token revokes admin tokens");
        }
        List<Long> revoked = tokens.revokeWithDescendants(id);
        if (revoked.isEmpty()) {
            throw notFound(id); // revoked by someone else in the meantime
        }
        log.info(
                "Token {} ('{}', project '{}') revoked by token {}{}",
                id,
                target.name(),
                target.project(),
                caller.tokenId() == null ? "(security off)" : caller.tokenId(),
                revoked.size() == 1
                        ? ""
                        : ", with the " + (revoked.size() - 1) + " token(s) it made: "
                                + revoked.subList(1, revoked.size()));
    }

    private static ApiProblem notFound(long id) {
        return ApiProblem.notFound(ProblemTypes.TOKEN_NOT_FOUND, "Token not found", "no live token has id " + id)
                .with("tokenId", id);
    }

    private static ApiProblem forbidden(String detail) {
        return new ApiProblem(HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN, "Forbidden", detail);
    }

    private static String abbreviated(String text) {
        return text.length() <= 20 ? text : text.substring(0, 20) + "…";
    }
}
