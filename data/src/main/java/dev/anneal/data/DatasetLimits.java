package dev.anneal.data;

/**
 * How large an uploaded dataset may be, counted while it streams in so that nothing larger is
 * ever held in memory (a few hundred kilobytes of gzip can inflate to gigabytes).
 *
 * @param maxUploadBytes bytes as uploaded (compressed, for gzip)
 * @param maxUncompressedBytes bytes of CSV text after decompression
 * @param maxCells data rows × columns: what a parsed table holds in memory
 */
public record DatasetLimits(long maxUploadBytes, long maxUncompressedBytes, long maxCells) {

    /** For content that was checked when it was uploaded. */
    public static final DatasetLimits NONE = new DatasetLimits(Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE);

    boolean bounded() {
        return !equals(NONE);
    }
}
