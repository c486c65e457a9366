package dev.anneal.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/** The caller lookup fails closed: with security on, no caller is a bug, never the default project. */
class CurrentCallerTest {

    private static final CurrentCaller SECURED = new CurrentCaller(new AccessProperties(true, "", ""));
    private static final CurrentCaller OPEN = new CurrentCaller(new AccessProperties(false, "", ""));

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void withSecurityOnAThreadWithoutACallerIsRefused() {
        assertThatThrownBy(SECURED::get)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no authenticated caller");
        assertThatThrownBy(SECURED::projectId).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theAuthenticatedCallerIsAnswered() {
        Caller beta = new Caller(12L, 3, "beta", false);
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(beta, null, List.of()));
        assertThat(SECURED.get()).isEqualTo(beta);
        assertThat(SECURED.projectId()).isEqualTo(3);
    }

    @Test
    void withSecurityOffTheCallerIsTheDefaultProjectsAdmin() {
        assertThat(OPEN.get()).isEqualTo(CurrentCaller.UNSECURED);
        assertThat(OPEN.get().admin()).isTrue();
    }
}
