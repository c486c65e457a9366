package dev.anneal.api.security;

import dev.anneal.db.token.Projects;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The caller of the current request, for the project whose jobs and datasets it may see
 * ({@code dev.anneal.api.access.ProjectScope}). It fails closed: with security on, a lookup
 * without an authenticated caller is a bug (a background thread asking, or a route outside
 * {@code /api/**} reaching a service), so it throws rather than guessing a project. With
 * security off every request is the default project's admin.
 */
@Component
public class CurrentCaller {

    static final Caller UNSECURED = new Caller(null, Projects.DEFAULT_ID, Projects.DEFAULT_NAME, true);

    private final boolean secured;

    CurrentCaller(AccessProperties access) {
        this.secured = access.enabled();
    }

    /**
     * @throws IllegalStateException with security on and no authenticated caller on this thread
     */
    public Caller get() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof Caller caller) {
            return caller;
        }
        if (secured) {
            throw new IllegalStateException("no authenticated caller on thread "
                    + Thread.currentThread().getName()
                    + ": data is read for a request's caller only (background work keeps what the request checked)");
        }
        return UNSECURED;
    }

    public long projectId() {
        return get().projectId();
    }
}
