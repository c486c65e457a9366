package dev.anneal.api.web;

import dev.anneal.db.shared.LogContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.slf4j.MDC;
import org.springframework.web.servlet.AsyncHandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Puts the job and trial ids of a request's path ({@code /api/v1/jobs/{id}/trials/{number}...})
 * into the logging MDC, so that what the api logs while serving it carries them like the
 * workers' and scheduler's lines do.
 */
class JobLogContextInterceptor implements AsyncHandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables
                && request.getRequestURI().startsWith("/api/v1/jobs/")) {
            Object job = variables.containsKey("jobId") ? variables.get("jobId") : variables.get("id");
            put(LogContext.JOB, job);
            put(LogContext.TRIAL, variables.get("number"));
        }
        return true;
    }

    @Override
    public void afterConcurrentHandlingStarted(
            HttpServletRequest request, HttpServletResponse response, Object handler) {
        clear();
    }

    @Override
    public void afterCompletion(
            HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
        clear();
    }

    private static void put(String key, Object value) {
        if (value instanceof String s && s.chars().allMatch(Character::isDigit) && !s.isEmpty()) {
            MDC.put(key, s);
        }
    }

    private static void clear() {
        MDC.remove(LogContext.JOB);
        MDC.remove(LogContext.TRIAL);
    }
}
