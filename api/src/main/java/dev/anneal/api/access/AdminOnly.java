package dev.anneal.api.access;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A route (method) or every route of a controller (class) that only admin tokens may call;
 * others get 403. Enforced by {@link PathAccessCheck} and shown in the OpenAPI document as
 * {@code x-admin-only: true} ({@link AdminOnlyInOpenApi}), from this one annotation.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface AdminOnly {}
