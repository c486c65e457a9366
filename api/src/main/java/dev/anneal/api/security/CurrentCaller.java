package dev.anneal.api.security;

import dev.anneal.db.token.Projects;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The caller of the current request. Services ask it for the project whose jobs and datasets
 * the request may see; with security off every request is the default project's admin.
 */
@Component
public class CurrentCaller {

    static final Caller UNSECURED = new Caller(null, Projects.DEFAULT_ID, Projects.DEFAULT_NAME, true);

    public Caller get() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof Caller caller ? caller : UNSECURED;
    }

    public long projectId() {
        return get().projectId();
    }
}
