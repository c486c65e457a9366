package dev.anneal.data;

/** A dataset over one of its {@link DatasetLimits}; refused as soon as the count passes the limit. */
public final class DatasetTooLargeException extends InvalidDatasetException {

    /** Which count went over. */
    public enum Limit {
        UPLOAD_BYTES,
        UNCOMPRESSED_BYTES,
        CELLS
    }

    private final Limit limit;
    private final long max;

    public DatasetTooLargeException(Limit limit, long max, String message) {
        super(message);
        this.limit = limit;
        this.max = max;
    }

    public Limit limit() {
        return limit;
    }

    public long max() {
        return max;
    }

    static DatasetTooLargeException uploadBytes(long max) {
        return new DatasetTooLargeException(
                Limit.UPLOAD_BYTES, max, "a dataset upload may be at most " + max + " bytes, but this one is larger");
    }

    static DatasetTooLargeException uncompressedBytes(long max) {
        return new DatasetTooLargeException(
                Limit.UNCOMPRESSED_BYTES,
                max,
                "a dataset may be at most " + max + " bytes uncompressed, but this one is larger");
    }

    static DatasetTooLargeException cells(long max, long rowsSoFar, int columns) {
        return new DatasetTooLargeException(
                Limit.CELLS,
                max,
                "a dataset may have at most " + max + " cells (data rows × columns), but this one has more: "
                        + rowsSoFar + " rows of " + columns + " columns were read when it passed the limit");
    }
}
