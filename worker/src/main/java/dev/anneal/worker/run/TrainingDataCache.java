package dev.anneal.worker.run;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.anneal.db.dataset.DatasetContentStore;
import dev.anneal.worker.dataset.CsvTable;
import dev.anneal.worker.dataset.CsvTableReader;
import dev.anneal.worker.prepare.PreparedData;
import dev.anneal.worker.prepare.TabularPreparer;

/**
 * Parsed datasets (by content hash) and prepared training data (by job), each computed once per
 * worker process however many trials ask at the same time. Every trial of a job shares one split
 * and one set of fitted statistics, which is also what makes their scores comparable.
 */
public class TrainingDataCache {

    private final DatasetContentStore contents;
    private final Cache<String, CsvTable> tables;
    private final Cache<Long, PreparedData> prepared;

    public TrainingDataCache(DatasetContentStore contents, int maxEntries) {
        this.contents = contents;
        this.tables = Caffeine.newBuilder().maximumSize(maxEntries).build();
        this.prepared = Caffeine.newBuilder().maximumSize(maxEntries).build();
    }

    public PreparedData prepared(TrainingJob job) {
        return prepared.get(job.jobId(), id -> TabularPreparer.prepare(table(job.datasetSha256()), job.spec()));
    }

    CsvTable table(String sha256) {
        return tables.get(
                sha256,
                sha -> CsvTableReader.read(contents.load(sha)
                        .orElseThrow(() -> new IllegalStateException("dataset content " + sha + " is not stored"))));
    }
}
