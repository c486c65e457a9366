package dev.anneal.worker.train.text;

/**
 * Token error rate and sequence error rate of decoded sequences against references: {@code ter}
 * is the total edit distance (insertions, deletions and substitutions of whole tokens) over the
 * total reference length, as phoneme and word error rates are defined; {@code ser} the share of
 * sequences not exactly right.
 */
final class SequenceErrors {

    private long edits;
    private long referenceTokens;
    private int wrong;
    private int sequences;

    void add(int[] decoded, int[] reference) {
        int d = distance(decoded, reference);
        edits += d;
        referenceTokens += reference.length;
        wrong += d == 0 ? 0 : 1;
        sequences++;
    }

    double ter() {
        return referenceTokens == 0 ? 0 : (double) edits / referenceTokens;
    }

    double ser() {
        return sequences == 0 ? 0 : (double) wrong / sequences;
    }

    /** Levenshtein distance in O(n·m) time and O(m) memory. */
    static int distance(int[] a, int[] b) {
        int[] previous = new int[b.length + 1];
        int[] current = new int[b.length + 1];
        for (int j = 0; j <= b.length; j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length; i++) {
            current[0] = i;
            for (int j = 1; j <= b.length; j++) {
                int substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length];
    }
}
