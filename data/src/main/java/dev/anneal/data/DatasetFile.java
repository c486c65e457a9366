package dev.anneal.data;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.io.input.TeeInputStream;

/**
 * An uploaded dataset file, parsed and ready to store: the table, the SHA-256 of its
 * uncompressed bytes (the identity under which content is stored once) and gzip bytes to store.
 */
public record DatasetFile(CsvTable table, String sha256, long uncompressedSize, byte[] gzipBytes) {

    /** Where an upload's bytes can be read from, more than once (a spooled multipart file, a byte array). */
    @FunctionalInterface
    public interface Source {
        InputStream open() throws IOException;
    }

    /**
     * Parses {@code upload} (plain or gzip-compressed CSV).
     *
     * @param maxUncompressedBytes files that inflate beyond this are refused
     * @throws InvalidDatasetException if it is not a usable CSV table or is too large
     */
    public static DatasetFile parse(byte[] upload, long maxUncompressedBytes) {
        return parse(
                () -> new ByteArrayInputStream(upload),
                maxUncompressedBytes == Long.MAX_VALUE
                        ? DatasetLimits.NONE
                        : new DatasetLimits(Long.MAX_VALUE, maxUncompressedBytes, Long.MAX_VALUE));
    }

    /**
     * Parses an upload (plain or gzip-compressed CSV) within {@code limits}. With limits, the
     * upload is first only counted: its bytes as sent and inflated (without parsing, the cheapest
     * way to stop a bomb), then its cells (parsed one row at a time); it is parsed into a table
     * only once it is known to fit. A gzip bomb or a table of 10^8 cells is refused having
     * materialised nothing.
     *
     * @throws DatasetTooLargeException if it is over one of the limits
     * @throws InvalidDatasetException if it is not a usable CSV table
     */
    public static DatasetFile parse(Source source, DatasetLimits limits) {
        try {
            if (limits.bounded()) {
                // bytes first, without parsing: a bomb is refused after inflating only up to the limit
                try (InputStream uploaded = uploaded(source, limits)) {
                    uncompressed(uploaded, limits).transferTo(OutputStream.nullOutputStream());
                }
                // then cells, one row in memory at a time
                try (InputStream uploaded = uploaded(source, limits)) {
                    CsvTableReader.scan(uncompressed(uploaded, limits), limits.maxCells());
                }
            }
            return read(source, limits);
        } catch (IOException e) {
            throw new InvalidDatasetException("the file is not a readable CSV: " + e.getMessage(), e);
        }
    }

    private static DatasetFile read(Source source, DatasetLimits limits) throws IOException {
        MessageDigest digest = newSha256Digest();
        boolean gzip;
        try (InputStream peek = source.open()) {
            gzip = CsvTableReader.isGzip(peek.readNBytes(2));
        }
        if (gzip) {
            // stored as uploaded; the limit on the upload bounds this array
            byte[] compressed;
            try (InputStream in = uploaded(source, limits)) {
                compressed = in.readAllBytes();
            }
            LimitedInputStream inflated =
                    inflatedLimited(new GZIPInputStream(new ByteArrayInputStream(compressed), 64 * 1024), limits);
            CsvTable table = CsvTableReader.read(new DigestInputStream(inflated, digest), limits.maxCells());
            return new DatasetFile(table, hex(digest), inflated.count(), compressed);
        }
        ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
        LimitedInputStream plain = inflatedLimited(uploaded(source, limits), limits);
        CsvTable table;
        try (GZIPOutputStream gz = new GZIPOutputStream(gzipped, 64 * 1024)) {
            table = CsvTableReader.read(
                    new DigestInputStream(new TeeInputStream(plain, gz, false), digest), limits.maxCells());
        }
        return new DatasetFile(table, hex(digest), plain.count(), gzipped.toByteArray());
    }

    /** The upload's bytes as sent, counted against the upload limit. */
    private static InputStream uploaded(Source source, DatasetLimits limits) throws IOException {
        return new LimitedInputStream(
                new BufferedInputStream(source.open(), 64 * 1024),
                limits.maxUploadBytes(),
                () -> DatasetTooLargeException.uploadBytes(limits.maxUploadBytes()));
    }

    /** The CSV text of an upload, inflated if it is gzip, counted against the uncompressed limit. */
    private static InputStream uncompressed(InputStream uploaded, DatasetLimits limits) throws IOException {
        InputStream in = uploaded.markSupported() ? uploaded : new BufferedInputStream(uploaded, 64 * 1024);
        in.mark(2);
        byte[] magic = in.readNBytes(2);
        in.reset();
        return inflatedLimited(CsvTableReader.isGzip(magic) ? new GZIPInputStream(in, 64 * 1024) : in, limits);
    }

    private static LimitedInputStream inflatedLimited(InputStream in, DatasetLimits limits) {
        return new LimitedInputStream(
                in,
                limits.maxUncompressedBytes(),
                () -> DatasetTooLargeException.uncompressedBytes(limits.maxUncompressedBytes()));
    }

    private static String hex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest newSha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
