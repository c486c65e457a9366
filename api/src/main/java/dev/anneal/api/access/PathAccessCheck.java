package dev.anneal.api.access;

import dev.anneal.api.problem.ApiProblem;
import dev.anneal.api.problem.ProblemTypes;
import dev.anneal.api.security.CurrentCaller;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Runs before every API controller: refuses admin-only routes to other tokens (403), then
 * checks each job and dataset id of the path against the caller's project (404 otherwise), so
 * a route added later is scoped without its author doing anything. Ids that are not numbers
 * are left to the controller, whose binding answers 400 naming the parameter.
 */
final class PathAccessCheck implements HandlerInterceptor {

    static final String ADMIN_ONLY_DETAIL = "this needs an admin token; ask an administrator";

    private final ProjectScope scope;
    private final CurrentCaller caller;

    PathAccessCheck(ProjectScope scope, CurrentCaller caller) {
        this.scope = scope;
        this.caller = caller;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        // an async dispatch (an event stream ending) carries no caller; its request was checked
        if (!(handler instanceof HandlerMethod method) || request.getDispatcherType() == DispatcherType.ASYNC) {
            return true;
        }
        if (adminOnly(method) && !caller.get().admin()) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN, "Forbidden", ADMIN_ONLY_DETAIL);
        }
        if (!(request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE) instanceof String pattern)
                || !(request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE)
                        instanceof Map<?, ?> values)) {
            return true;
        }
        for (PathIds.Id id : PathIds.of(pattern)) {
            Long value = number(values.get(id.variable()));
            if (value == null) {
                continue;
            }
            switch (id.kind()) {
                case JOB -> scope.job(value);
                case DATASET -> scope.dataset(value);
                case TRIAL, TOKEN -> {
                    // a trial lives under the job checked above; tokens are resolved by TokenService
                }
            }
        }
        return true;
    }

    static boolean adminOnly(HandlerMethod method) {
        return method.hasMethodAnnotation(AdminOnly.class)
                || method.getBeanType().isAnnotationPresent(AdminOnly.class);
    }

    private static Long number(Object value) {
        try {
            return value instanceof String s ? Long.valueOf(s) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
