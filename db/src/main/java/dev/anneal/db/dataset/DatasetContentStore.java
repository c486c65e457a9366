package dev.anneal.db.dataset;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Dataset bytes, stored once per content hash. Kept out of {@link DatasetEntity} so that
 * listing datasets never loads file contents.
 */
@Repository
public class DatasetContentStore {

    private final JdbcClient jdbc;

    public DatasetContentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores gzip-compressed content under its hash unless that hash is already stored.
     *
     * @return true if this call stored the bytes, false if they were already there
     */
    public boolean storeIfAbsent(String sha256, byte[] gzipBytes, long uncompressedSize) {
        return jdbc.sql("""
                insert into dataset_content (sha256, gzip_bytes, size_bytes)
                values (:sha256, :bytes, :size)
                on conflict (sha256) do nothing
                """)
                        .param("sha256", sha256)
                        .param("bytes", gzipBytes)
                        .param("size", uncompressedSize)
                        .update()
                == 1;
    }

    /** The gzip-compressed bytes stored under {@code sha256}. */
    public Optional<byte[]> load(String sha256) {
        return jdbc.sql("select gzip_bytes from dataset_content where sha256 = :sha256")
                .param("sha256", sha256)
                .query(byte[].class)
                .optional();
    }

    public long countContents() {
        return jdbc.sql("select count(*) from dataset_content")
                .query(Long.class)
                .single();
    }
}
