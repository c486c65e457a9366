package dev.anneal.api.security;

import dev.anneal.db.token.ApiTokens;
import jakarta.servlet.DispatcherType;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API needs a bearer token; health, metrics for scrapers, the OpenAPI document and the
 * dashboard's static files do not (the dashboard asks for a token itself); health shows its
 * details to admin tokens only ({@code management.endpoint.health.show-details}). No sessions,
 * no cookies, so no CSRF exposure. With {@code anneal.security.enabled=false} everything is
 * open and every request is the default project's admin.
 */
@Configuration
@EnableConfigurationProperties(AccessProperties.class)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, AccessProperties access, ApiTokens tokens, JsonMapper json)
            throws Exception {
        ProblemWriter problems = new ProblemWriter(json);
        http.csrf(c -> c.disable())
                .httpBasic(b -> b.disable())
                .formLogin(f -> f.disable())
                .logout(l -> l.disable())
                .requestCache(r -> r.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        if (!access.enabled()) {
            return http.addFilterBefore(new UnsecuredCallerFilter(), AnonymousAuthenticationFilter.class)
                    .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                    .build();
        }
        return http.addFilterBefore(new BearerTokenFilter(tokens), AnonymousAuthenticationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                // an event stream's async dispatch (when it ends) carries no token: it was checked when it opened
                .authorizeHttpRequests(a -> a.dispatcherTypeMatchers(DispatcherType.ASYNC)
                        .permitAll()
                        .requestMatchers("/api/**")
                        .authenticated()
                        .anyRequest()
                        .permitAll())
                .build();
    }
}
