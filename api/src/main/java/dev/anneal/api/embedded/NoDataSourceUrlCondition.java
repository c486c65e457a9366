package dev.anneal.api.embedded;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** True when no external database is configured and the embedded one is not switched off. */
class NoDataSourceUrlCondition implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        String url = context.getEnvironment().getProperty("spring.datasource.url");
        boolean enabled = context.getEnvironment().getProperty("anneal.embedded-db.enabled", Boolean.class, true);
        return enabled && (url == null || url.isBlank());
    }
}
