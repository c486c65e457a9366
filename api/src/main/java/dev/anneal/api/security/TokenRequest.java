package dev.anneal.api.security;

/**
 * Body of {@code POST /api/v1/tokens}.
 *
 * @param name what the token is for (1..100 characters)
 * @param project the project it acts for; default: the caller's. Another project (created if
 *     new) needs an admin token
 * @param admin whether the new token may manage tokens of every project; needs an admin token
 * @param expiresIn how long the token is valid, {@code 90m}, {@code 12h}, {@code 30d} (at most
 *     {@code 3650d}); default: until revoked. Either way it ends no later than the caller's
 *     token
 */
record TokenRequest(String name, String project, Boolean admin, String expiresIn) {}
