package dev.anneal.api.security;

import dev.anneal.db.token.ApiTokens;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <token>} against the stored token hashes on every
 * request (no cache, so a revocation or an expiry counts from the next request). A missing or refused token
 * leaves the request anonymous; the entry point then answers 401 on protected paths, with the
 * reason recorded here.
 */
final class BearerTokenFilter extends OncePerRequestFilter {

    static final String ADMIN = "ROLE_ADMIN";

    private final ApiTokens tokens;

    BearerTokenFilter(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null) {
            authenticate(header, request);
        }
        chain.doFilter(request, response);
    }

    private void authenticate(String header, HttpServletRequest request) {
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7)
                || header.substring(7).isBlank()) {
            request.setAttribute(ProblemWriter.REFUSAL, "the Authorization header must be 'Bearer <token>'");
            return;
        }
        String token = header.substring(7).trim();
        ApiTokens.Presented presented = tokens.authenticate(TokenSecrets.hash(token));
        if (presented instanceof ApiTokens.Presented.Expired expired) {
            request.setAttribute(
                    ProblemWriter.REFUSAL,
                    "the API token expired at " + expired.expiresAt() + "; ask whoever gave it to you for a new one");
            return;
        }
        if (!(presented instanceof ApiTokens.Presented.Live live)) {
            request.setAttribute(ProblemWriter.REFUSAL, "the API token is unknown or revoked");
            return;
        }
        ApiTokens.Holder h = live.holder();
        Caller caller = new Caller(h.tokenId(), h.projectId(), h.projectName(), h.admin());
        List<SimpleGrantedAuthority> roles = h.admin() ? List.of(new SimpleGrantedAuthority(ADMIN)) : List.of();
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(caller, null, roles));
    }
}
