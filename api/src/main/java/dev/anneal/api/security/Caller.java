package dev.anneal.api.security;

/**
 * Who makes a request: the token's project, and whether the token is an admin token (admin
 * tokens manage tokens of every project; data access is still limited to their own project).
 *
 * @param tokenId null when security is off
 */
public record Caller(Long tokenId, long projectId, String projectName, boolean admin) {}
