package dev.anneal.worker.dataset;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.io.input.BoundedInputStream;

/**
 * An uploaded dataset file, parsed and ready to store: the table, the SHA-256 of its
 * uncompressed bytes (the identity under which content is stored once) and gzip bytes to store.
 */
public record DatasetFile(CsvTable table, String sha256, long uncompressedSize, byte[] gzipBytes) {

    /**
     * Parses {@code upload} (plain or gzip-compressed CSV).
     *
     * @param maxUncompressedBytes files that inflate beyond this are refused
     * @throws InvalidDatasetException if it is not a usable CSV table or is too large
     */
    public static DatasetFile parse(byte[] upload, long maxUncompressedBytes) {
        MessageDigest digest = newSha256Digest();
        CsvTable table;
        BoundedInputStream counted;
        try {
            counted = BoundedInputStream.builder()
                    .setInputStream(CsvTableReader.open(upload))
                    .setMaxCount(maxUncompressedBytes + 1)
                    .setOnMaxCount((max, count) -> {
                        throw new InvalidDatasetException("a dataset may be at most " + maxUncompressedBytes
                                + " bytes uncompressed, but this one is larger");
                    })
                    .get();
            table = CsvTableReader.read(new DigestInputStream(counted, digest));
        } catch (IOException e) {
            throw new InvalidDatasetException("the file is not a readable CSV: " + e.getMessage(), e);
        }
        byte[] gzip = CsvTableReader.isGzip(upload) ? upload : gzip(upload);
        return new DatasetFile(table, HexFormat.of().formatHex(digest.digest()), counted.getCount(), gzip);
    }

    private static byte[] gzip(byte[] plain) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(plain.length / 3 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(out, 64 * 1024)) {
            gz.write(plain);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static MessageDigest newSha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
