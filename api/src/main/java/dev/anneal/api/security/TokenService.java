package dev.anneal.api.security;

import dev.anneal.api.problem.ApiProblem;
import dev.anneal.api.problem.FieldError;
import dev.anneal.api.problem.ProblemTypes;
import dev.anneal.db.token.ApiTokens;
import dev.anneal.db.token.Projects;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creating, listing and revoking API tokens. A token manages the tokens of its own project;
 * an admin token those of every project, and only it makes projects and admin tokens.
 */
@Service
class TokenService {

    static final Pattern PROJECT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

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
        ApiTokens.TokenRecord created = tokens.create(
                projects.idOrCreate(project),
                name.trim(),
                TokenSecrets.hash(secret),
                TokenSecrets.shown(secret),
                admin);
        return TokenCreated.of(created, secret);
    }

    List<ApiTokens.TokenRecord> list() {
        Caller caller = current.get();
        return tokens.list(caller.admin() ? null : caller.projectId());
    }

    /** Revokes at once: the token's next request is refused. Other projects' tokens are 404 to non-admins. */
    void revoke(long id) {
        Caller caller = current.get();
        if (!tokens.revoke(id, caller.admin() ? null : caller.projectId())) {
            throw ApiProblem.notFound(ProblemTypes.TOKEN_NOT_FOUND, "Token not found", "no live token has id " + id)
                    .with("tokenId", id);
        }
    }

    private static ApiProblem forbidden(String detail) {
        return new ApiProblem(HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN, "Forbidden", detail);
    }
}
