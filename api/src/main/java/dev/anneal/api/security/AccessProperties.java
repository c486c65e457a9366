package dev.anneal.api.security;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may call the API ({@code anneal.security.*}).
 *
 * @param enabled bearer API tokens required on {@code /api/**}; false opens the API to anyone
 *     who can reach the port, as the project "default" with admin rights (local experiments)
 * @param adminTokenFile where the first start writes the admin token it creates (owner-only
 *     permissions); blank (default) means {@code ~/.anneal/admin-token}
 * @param bootstrapToken when set and no live admin token exists, this value becomes the admin
 *     token instead of a random one (containers and CI, which pass secrets in)
 */
@ConfigurationProperties("anneal.security")
public record AccessProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("") String adminTokenFile,
        @DefaultValue("") String bootstrapToken) {

    Path adminTokenPath() {
        return adminTokenFile.isBlank()
                ? Path.of(System.getProperty("user.home"), ".anneal", "admin-token")
                : Path.of(adminTokenFile);
    }
}
