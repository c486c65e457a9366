package dev.anneal.worker.testing;

import dev.anneal.data.DatasetFile;
import dev.anneal.db.dataset.DatasetContentStore;
import dev.anneal.db.testing.Fixtures;
import dev.anneal.db.testing.SharedDatasets;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Jobs a worker can really train, written to the test database as the api would leave them: the
 * shared iris CSV stored as dataset content, and a running job whose spec is an MLP classifier
 * of its {@code label}. Trials are queued with plain SQL, so the tests do not depend on the
 * scheduler.
 */
public final class IrisJobs {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final DatasetContentStore contents;

    public IrisJobs(JdbcClient jdbc, JsonMapper json, DatasetContentStore contents) {
        this.jdbc = jdbc;
        this.json = json;
        this.contents = contents;
    }

    /** A running job on iris; the dataset is stored once per schema. */
    public long runningJob() {
        DatasetFile iris = DatasetFile.parse(SharedDatasets.bytes("iris.csv"), Long.MAX_VALUE);
        contents.storeIfAbsent(iris.sha256(), iris.gzipBytes(), iris.uncompressedSize());
        long dataset = jdbc.sql("""
                with found as (select id from dataset where name = 'iris' and project_id is null),
                     made as (insert into dataset (name, content_sha256, row_count, column_count, profile)
                              select 'iris', :sha, :rows, :columns, '{}'::jsonb
                               where not exists (select 1 from found)
                              returning id)
                select id from found union all select id from made
                """)
                .param("sha", iris.sha256())
                .param("rows", iris.table().rowCount())
                .param("columns", iris.table().columns().size())
                .query(Long.class)
                .single();
        long job = new Fixtures(jdbc).runningJob("MAXIMIZE");
        String spec = json.writeValueAsString(Specs.mlp("label", "classification", "val_accuracy", "maximize", 5));
        jdbc.sql("update job set spec = :spec::jsonb, dataset_id = :dataset where id = :job")
                .param("spec", spec)
                .param("dataset", dataset)
                .param("job", job)
                .update();
        return job;
    }

    /** Queues trials 0..count-1 of {@code job}, all with the same parameters. */
    public void queue(long job, int count, String paramsJson) {
        jdbc.sql("""
                insert into trial (job_id, number, state, params)
                select :job, n, 'QUEUED', :params::jsonb from generate_series(0, :count - 1) n
                """)
                .param("job", job)
                .param("count", count)
                .param("params", paramsJson)
                .update();
    }
}
