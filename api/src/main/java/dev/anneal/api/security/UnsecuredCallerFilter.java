package dev.anneal.api.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * With security off, makes every request what the README says it is: the default project's
 * admin, authenticated, so admin-only answers (health details, workers) are given as to any
 * admin and the caller lookup finds a caller like it does with tokens.
 */
final class UnsecuredCallerFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        CurrentCaller.UNSECURED, null, List.of(new SimpleGrantedAuthority(BearerTokenFilter.ADMIN))));
        chain.doFilter(request, response);
    }
}
