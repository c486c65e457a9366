package dev.anneal.api.events;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Open event streams per token, capped: each stream holds a connection and a share of every
 * poll, so one token must not hold them all. Counted in this server's memory; the streams
 * themselves live here too.
 */
final class StreamQuota {

    /** The key of every stream with security off (no tokens): one shared cap. */
    private static final long NO_TOKEN = 0;

    private final int limit;
    private final ConcurrentHashMap<Long, Integer> open = new ConcurrentHashMap<>();

    StreamQuota(int limit) {
        this.limit = limit;
    }

    int limit() {
        return limit;
    }

    /** Takes a place for one more stream of the token; false when it holds {@link #limit()} already. */
    boolean tryAcquire(Long tokenId) {
        boolean[] acquired = {false};
        open.compute(key(tokenId), (k, n) -> {
            int count = n == null ? 0 : n;
            if (count >= limit) {
                return n;
            }
            acquired[0] = true;
            return count + 1;
        });
        return acquired[0];
    }

    /** Gives back the place of a stream that ended; call once per acquired place. */
    void release(Long tokenId) {
        open.computeIfPresent(key(tokenId), (k, n) -> n <= 1 ? null : n - 1);
    }

    int open(Long tokenId) {
        return open.getOrDefault(key(tokenId), 0);
    }

    private static long key(Long tokenId) {
        return tokenId == null ? NO_TOKEN : tokenId;
    }
}
