package dev.anneal.api.web;

import dev.anneal.api.limits.LimitsProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

@Configuration
class WebConfiguration implements WebMvcConfigurer {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new JobLogContextInterceptor()).addPathPatterns("/api/v1/jobs/**");
    }

    /** First of all filters, before security: an oversized body is refused before anything reads it. */
    @Bean
    FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimit(LimitsProperties limits, JsonMapper json) {
        var registration = new FilterRegistrationBean<>(new RequestBodyLimitFilter(limits, json));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}
