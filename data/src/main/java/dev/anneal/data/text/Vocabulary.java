package dev.anneal.data.text;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Token ids of a text column, fitted on the training split only. Ids 0 to 2 are reserved:
 * {@link #PADDING} fills a short text up to its length and is masked, {@link #UNKNOWN} stands
 * for any token not kept, and {@link #END} closes (and for decoders, opens) a sequence that a
 * network generates. Kept tokens follow from 3 on, most frequent first (ties alphabetically,
 * so the same training rows always give the same ids).
 */
public final class Vocabulary {

    public static final int PADDING = 0;
    public static final int UNKNOWN = 1;
    public static final int END = 2;
    public static final int RESERVED = 3;

    private final List<String> tokens;
    private final Map<String, Integer> ids;

    /** @param tokens kept tokens in id order (id {@code RESERVED + i}) */
    public Vocabulary(List<String> tokens) {
        this.tokens = List.copyOf(tokens);
        this.ids = new HashMap<>();
        for (int i = 0; i < this.tokens.size(); i++) {
            ids.put(this.tokens.get(i), RESERVED + i);
        }
    }

    /**
     * Keeps tokens seen at least {@code minCount} times, at most {@code maxTokens} of them, the
     * most frequent first.
     */
    public static Vocabulary fit(Iterable<List<String>> texts, int minCount, int maxTokens) {
        Map<String, Integer> counts = new HashMap<>();
        for (List<String> text : texts) {
            for (String token : text) {
                counts.merge(token, 1, Integer::sum);
            }
        }
        List<String> kept = counts.entrySet().stream()
                .filter(e -> e.getValue() >= minCount)
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(maxTokens)
                .map(Map.Entry::getKey)
                .toList();
        return new Vocabulary(kept);
    }

    /** Kept tokens in id order, without the reserved ids: what a preprocessing record stores. */
    public List<String> tokens() {
        return tokens;
    }

    /** Ids a network must embed or predict: the reserved ones and every kept token. */
    public int size() {
        return RESERVED + tokens.size();
    }

    public int id(String token) {
        return ids.getOrDefault(token, UNKNOWN);
    }

    /** The token of a kept id; {@code null} for a reserved one. */
    public String token(int id) {
        return id >= RESERVED && id < size() ? tokens.get(id - RESERVED) : null;
    }
}
