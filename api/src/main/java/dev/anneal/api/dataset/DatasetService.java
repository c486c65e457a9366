package dev.anneal.api.dataset;

import dev.anneal.api.access.ProjectScope;
import dev.anneal.api.problem.ApiProblem;
import dev.anneal.api.problem.ProblemTypes;
import dev.anneal.db.dataset.DatasetContentStore;
import dev.anneal.db.dataset.DatasetEntity;
import dev.anneal.db.dataset.DatasetRepository;
import dev.anneal.worker.dataset.DatasetFile;
import dev.anneal.worker.dataset.DatasetProfiler;
import dev.anneal.worker.dataset.InvalidDatasetException;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** Stores datasets (content once per hash, with an inferred profile) and reads them back. */
@Service
public class DatasetService {

    static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

    private final DatasetRepository datasets;
    private final DatasetContentStore contents;
    private final JsonMapper json;
    private final long maxUncompressedBytes;
    private final ProjectScope scope;

    DatasetService(
            DatasetRepository datasets,
            DatasetContentStore contents,
            JsonMapper json,
            ProjectScope scope,
            @Value("${anneal.datasets.max-uncompressed-size:1GB}")
                    org.springframework.util.unit.DataSize maxUncompressed) {
        this.datasets = datasets;
        this.contents = contents;
        this.json = json;
        this.scope = scope;
        this.maxUncompressedBytes = maxUncompressed.toBytes();
    }

    /**
     * Parses, profiles and stores a CSV (or gzip-compressed CSV) under {@code name}. Content
     * already stored under the same hash is not stored again.
     */
    @Transactional
    public DatasetResponse store(String name, String filename, byte[] content, boolean builtin) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw invalid(
                    "name must be 1-64 letters, digits, '_', '-' or '.', starting with a letter or digit, but was "
                            + (name == null ? "missing" : "\"" + name + "\""));
        }
        // uploads belong to the caller's project; built-in samples to none, and every project sees them
        Long project = builtin ? null : scope.projectId();
        if (builtin ? datasets.findByNameAndBuiltinTrue(name).isPresent() : exists(name)) {
            throw nameTaken(name);
        }
        DatasetFile file;
        try {
            file = DatasetFile.parse(content, maxUncompressedBytes);
        } catch (InvalidDatasetException e) {
            throw invalid(e.getMessage());
        }
        contents.storeIfAbsent(file.sha256(), file.gzipBytes(), file.uncompressedSize());
        DatasetEntity entity = new DatasetEntity(
                name,
                file.sha256(),
                filename,
                file.table().rowCount(),
                file.table().columns().size(),
                json.writeValueAsString(DatasetProfiler.profile(file.table())),
                builtin,
                project);
        try {
            entity = datasets.saveAndFlush(entity);
        } catch (DataIntegrityViolationException e) {
            // another upload took the name between our check and our insert
            throw nameTaken(name);
        }
        return DatasetResponse.of(datasets.findById(entity.getId()).orElseThrow(), json.readTree(entity.getProfile()));
    }

    @Transactional(readOnly = true)
    public Page<DatasetResponse> list(PageRequest page) {
        return datasets.findVisible(scope.projectId(), page).map(d -> DatasetResponse.of(d, null));
    }

    @Transactional(readOnly = true)
    public DatasetResponse get(long id) {
        DatasetEntity d = scope.dataset(id);
        return DatasetResponse.of(d, json.readTree(d.getProfile()));
    }

    /** Whether the caller's project sees a dataset of this name (its own or a built-in one). */
    boolean exists(String name) {
        return datasets.findVisible(name, scope.projectId()).isPresent();
    }

    boolean builtinExists(String name) {
        return datasets.findByNameAndBuiltinTrue(name).isPresent();
    }

    private static ApiProblem invalid(String detail) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, ProblemTypes.INVALID_DATASET, "Invalid dataset", detail);
    }

    private static ApiProblem nameTaken(String name) {
        return new ApiProblem(
                        HttpStatus.CONFLICT,
                        ProblemTypes.DATASET_NAME_TAKEN,
                        "Dataset name taken",
                        "a dataset named \"" + name + "\" already exists; choose another name")
                .with("name", name);
    }
}
