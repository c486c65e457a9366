package dev.anneal.api.model;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A stored DL4J model zip with Anneal's own entries added, so one download holds everything
 * needed to use the model. DL4J reads its entries by name and ignores others, so the result
 * still restores with {@code ModelSerializer}.
 */
final class ModelArchive {

    static final String PREPROCESSING = "anneal/preprocessing.json";
    static final String JOB_SPEC = "anneal/job-spec.json";

    private ModelArchive() {}

    /** {@code zip}'s entries, then {@code extra} (name to content) in iteration order. */
    static byte[] withEntries(byte[] zip, Map<String, byte[]> extra) {
        var bytes = new ByteArrayOutputStream(zip.length + 16 * 1024);
        try (var in = new ZipInputStream(new ByteArrayInputStream(zip));
                var out = new ZipOutputStream(bytes)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (extra.containsKey(entry.getName())) {
                    continue; // ours replace any stale copy rather than duplicating a name
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                in.transferTo(out);
                out.closeEntry();
            }
            for (var e : extra.entrySet()) {
                out.putNextEntry(new ZipEntry(e.getKey()));
                out.write(e.getValue());
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not repackage the stored model zip", e);
        }
        return bytes.toByteArray();
    }
}
