package dev.anneal.worker.run;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.anneal.data.CsvTable;
import dev.anneal.data.DatasetFile;
import dev.anneal.data.InvalidDatasetException;
import dev.anneal.db.dataset.DatasetContentStore;
import dev.anneal.db.job.StoredJob;
import dev.anneal.worker.prepare.DataPreparation;
import dev.anneal.worker.prepare.PreparationOptions;
import dev.anneal.worker.prepare.PreparedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parsed datasets (by content hash) and prepared training data (by job and preparation options), each computed once per
 * worker process however many trials ask at the same time. Every trial of a job shares one split
 * and one set of fitted statistics, which is also what makes their scores comparable.
 *
 * <p>Dataset files fetched from PostgreSQL are also kept on local disk under their content hash,
 * so a restarted worker (or one of many on a machine) does not pull them over the network again.
 * A file whose content no longer matches its name is discarded and fetched again.
 */
public class TrainingDataCache {

    private static final Logger log = LoggerFactory.getLogger(TrainingDataCache.class);

    private final DatasetContentStore contents;
    private final Path directory;
    private final Cache<String, CsvTable> tables;
    private final Cache<PreparationKey, List<PreparedData>> prepared;

    /** Trials of a job with equal preparation options share one prepared copy. */
    private record PreparationKey(long jobId, PreparationOptions options) {}

    public TrainingDataCache(DatasetContentStore contents, int maxEntries, Path cacheDirectory) {
        this.contents = contents;
        this.directory = cacheDirectory.resolve("datasets");
        this.tables = Caffeine.newBuilder().maximumSize(maxEntries).build();
        this.prepared = Caffeine.newBuilder().maximumSize(maxEntries).build();
    }

    /** The job's data prepared with a trial's options: one entry per validation fold. */
    public List<PreparedData> prepared(StoredJob job, PreparationOptions options) {
        return prepared.get(
                new PreparationKey(job.jobId(), options),
                key -> DataPreparation.prepare(table(job.datasetSha256()), job.spec(), options));
    }

    CsvTable table(String sha256) {
        return tables.get(sha256, this::load);
    }

    private CsvTable load(String sha256) {
        Optional<CsvTable> cached = fromDisk(sha256);
        if (cached.isPresent()) {
            return cached.get();
        }
        byte[] gzip = contents.load(sha256)
                .orElseThrow(() -> new IllegalStateException("dataset content " + sha256 + " is not stored"));
        DatasetFile file = DatasetFile.parse(gzip, Long.MAX_VALUE);
        toDisk(sha256, gzip);
        return file.table();
    }

    private Optional<CsvTable> fromDisk(String sha256) {
        Path file = directory.resolve(sha256 + ".csv.gz");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            DatasetFile parsed = DatasetFile.parse(Files.readAllBytes(file), Long.MAX_VALUE);
            if (parsed.sha256().equals(sha256)) {
                return Optional.of(parsed.table());
            }
            log.warn("Cached dataset {} does not match its hash; fetching it again", file);
        } catch (IOException | InvalidDatasetException e) {
            log.warn("Cached dataset {} is unreadable ({}); fetching it again", file, e.getMessage());
        }
        deleteQuietly(file);
        return Optional.empty();
    }

    private void toDisk(String sha256, byte[] gzip) {
        try {
            Files.createDirectories(directory);
            Path temp = Files.createTempFile(directory, sha256, ".part");
            Files.write(temp, gzip);
            // other workers on this machine may race to write the same file: the move is atomic
            Files.move(
                    temp,
                    directory.resolve(sha256 + ".csv.gz"),
                    StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            log.warn("Could not cache dataset {} in {}: {}", sha256, directory, e.getMessage());
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.debug("Could not delete {}: {}", file, e.getMessage());
        }
    }
}
