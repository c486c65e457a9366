package dev.anneal.api.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Token secrets: 256 random bits, URL-safe, with a recognizable prefix (so secret scanners and
 * people can tell an Anneal token). Only the SHA-256 is stored: with that much entropy a slow
 * password hash would add nothing but latency to every request.
 */
final class TokenSecrets {

    static final String PREFIX = "anneal_";
    /** Characters of a token kept in clear to tell tokens apart in listings. */
    static final int SHOWN = PREFIX.length() + 6;

    private static final SecureRandom RANDOM = new SecureRandom();

    private TokenSecrets() {}

    static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    static String shown(String token) {
        return token.substring(0, Math.min(SHOWN, token.length())) + "…";
    }
}
