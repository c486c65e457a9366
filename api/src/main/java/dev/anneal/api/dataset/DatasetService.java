package dev.anneal.api.dataset;

import dev.anneal.api.access.ProjectScope;
import dev.anneal.api.limits.LimitsProperties;
import dev.anneal.api.limits.ProjectQuotas;
import dev.anneal.api.problem.ApiProblem;
import dev.anneal.api.problem.ProblemTypes;
import dev.anneal.data.DatasetFile;
import dev.anneal.data.DatasetLimits;
import dev.anneal.data.DatasetProfiler;
import dev.anneal.data.DatasetTooLargeException;
import dev.anneal.data.InvalidDatasetException;
import dev.anneal.db.dataset.DatasetContentStore;
import dev.anneal.db.dataset.DatasetEntity;
import dev.anneal.db.dataset.DatasetRepository;
import java.util.regex.Pattern;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stores datasets (content once per hash, with an inferred profile) and reads them back. An
 * upload is counted against {@code anneal.limits.dataset.*} while it streams in, parsed outside
 * any transaction, and written in a short one that holds the project's storage quota.
 */
@Service
public class DatasetService {

    static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

    private final DatasetRepository datasets;
    private final DatasetContentStore contents;
    private final JsonMapper json;
    private final ProjectScope scope;
    private final ProjectQuotas quotas;
    private final TransactionTemplate transaction;
    private final DatasetLimits limits;

    DatasetService(
            DatasetRepository datasets,
            DatasetContentStore contents,
            JsonMapper json,
            ProjectScope scope,
            ProjectQuotas quotas,
            PlatformTransactionManager transactions,
            LimitsProperties limits) {
        this.datasets = datasets;
        this.contents = contents;
        this.json = json;
        this.scope = scope;
        this.quotas = quotas;
        this.transaction = new TransactionTemplate(transactions);
        LimitsProperties.Dataset d = limits.dataset();
        this.limits =
                new DatasetLimits(d.uploadSize().toBytes(), d.uncompressedSize().toBytes(), d.cells());
    }

    /**
     * Parses, profiles and stores a CSV (or gzip-compressed CSV) under {@code name}. Content
     * already stored under the same hash is not stored again.
     *
     * @param upload read twice: once only counting, then (if it fits) to parse
     */
    public DatasetResponse store(String name, String filename, DatasetFile.Source upload, boolean builtin) {
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
        if (project != null) {
            quotas.checkDatasetBytes(project, 0);
        }
        DatasetFile file;
        try {
            // the built-in samples ship in the jar: they are not uploads, and the limits are not theirs
            file = DatasetFile.parse(upload, builtin ? DatasetLimits.NONE : limits);
        } catch (DatasetTooLargeException e) {
            throw tooLarge(e);
        } catch (InvalidDatasetException e) {
            throw invalid(e.getMessage());
        }
        String profile = json.writeValueAsString(DatasetProfiler.profile(file.table()));
        DatasetEntity stored = transaction.execute(status -> {
            if (project != null) {
                quotas.reserveDatasetBytes(project, file.gzipBytes().length);
            }
            contents.storeIfAbsent(file.sha256(), file.gzipBytes(), file.uncompressedSize());
            try {
                return datasets.saveAndFlush(new DatasetEntity(
                        name,
                        file.sha256(),
                        filename,
                        file.table().rowCount(),
                        file.table().columns().size(),
                        profile,
                        builtin,
                        project));
            } catch (DataIntegrityViolationException e) {
                // another upload took the name between our check and our insert
                throw nameTaken(name);
            }
        });
        return DatasetResponse.of(datasets.findById(stored.getId()).orElseThrow(), json.readTree(profile));
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

    /** 413 naming the limit (as its property) and its value. */
    private static ApiProblem tooLarge(DatasetTooLargeException e) {
        String property = switch (e.limit()) {
            case UPLOAD_BYTES -> LimitsProperties.DATASET_UPLOAD_SIZE;
            case UNCOMPRESSED_BYTES -> LimitsProperties.DATASET_UNCOMPRESSED_SIZE;
            case CELLS -> LimitsProperties.DATASET_CELLS;
        };
        return new ApiProblem(
                        HttpStatus.CONTENT_TOO_LARGE,
                        ProblemTypes.PAYLOAD_TOO_LARGE,
                        "Dataset too large",
                        e.getMessage() + " (" + property + ")")
                .with("field", "file")
                .with("limit", property)
                .with("max", e.max());
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
