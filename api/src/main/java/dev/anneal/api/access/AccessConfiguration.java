package dev.anneal.api.access;

import dev.anneal.api.security.CurrentCaller;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration
class AccessConfiguration implements WebMvcConfigurer {

    private final ProjectScope scope;
    private final CurrentCaller caller;

    AccessConfiguration(ProjectScope scope, CurrentCaller caller) {
        this.scope = scope;
        this.caller = caller;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new PathAccessCheck(scope, caller)).addPathPatterns("/api/**");
    }
}
