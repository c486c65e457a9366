package dev.anneal.api.security;

import dev.anneal.db.token.ApiTokens;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/tokens")
@Tag(name = "Tokens", description = "API tokens: bearer credentials scoped to a project")
class TokenController {

    private final TokenService service;

    TokenController(TokenService service) {
        this.service = service;
    }

    @PostMapping
    @Operation(
            summary = "Create a token; its secret is in this answer only",
            description = "The new token records the caller's token as its creator and is revoked with it."
                    + " Optional expiresIn: 90m, 12h, 30d (at most 3650d); it never outlives the caller's token.")
    ResponseEntity<TokenCreated> create(@RequestBody(required = false) TokenRequest request) {
        TokenCreated created = service.create(request);
        return ResponseEntity.created(URI.create("/api/v1/tokens/" + created.id()))
                .body(created);
    }

    @GetMapping
    @Operation(
            summary = "Tokens without secrets: every project's for an admin token,"
                    + " the caller's project's non-admin tokens otherwise")
    List<ApiTokens.TokenRecord> list() {
        return service.list();
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(
            summary = "Revoke a token and every token it made (transitively); they are refused from their next request",
            description = "A non-admin token revokes only its own project's non-admin tokens: an admin token is 403,"
                    + " another project's token 404.")
    void revoke(@PathVariable long id) {
        service.revoke(id);
    }
}
