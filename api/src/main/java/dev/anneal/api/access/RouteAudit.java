package dev.anneal.api.access;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Refuses to start with an API route whose path ids {@link PathIds} cannot scope: a new kind
 * of id fails the first test run that starts the server, not a tenant's data in production.
 */
@Component
class RouteAudit implements SmartInitializingSingleton {

    private final RequestMappingHandlerMapping mappings;

    RouteAudit(@Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings) {
        this.mappings = mappings;
    }

    @Override
    public void afterSingletonsInstantiated() {
        mappings.getHandlerMethods().keySet().stream()
                .flatMap(info -> info.getPatternValues().stream())
                .filter(pattern -> pattern.startsWith("/api/"))
                .forEach(pattern -> {
                    try {
                        PathIds.of(pattern);
                    } catch (IllegalArgumentException e) {
                        throw new IllegalStateException(e.getMessage(), e);
                    }
                });
    }
}
