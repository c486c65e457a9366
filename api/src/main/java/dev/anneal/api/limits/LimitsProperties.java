package dev.anneal.api.limits;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * What one request may make the server spend ({@code anneal.limits.*}). Every limit is checked
 * before the resource is spent, and refused with a 4xx problem naming the limit and its numbers;
 * the README's "Limits" section documents each default and why it is what it is.
 *
 * @param requestBody largest JSON (non-multipart) request body; larger ones are 413
 */
@ConfigurationProperties("anneal.limits")
public record LimitsProperties(
        @DefaultValue("1MB") DataSize requestBody,
        @DefaultValue Dataset dataset,
        @DefaultValue Model model,
        @DefaultValue SearchSpace searchSpace,
        @DefaultValue Project project) {

    /** Property names, as problems quote them so an operator knows what to raise. */
    public static final String REQUEST_BODY = "anneal.limits.request-body";

    public static final String DATASET_UPLOAD_SIZE = "anneal.limits.dataset.upload-size";
    public static final String DATASET_UNCOMPRESSED_SIZE = "anneal.limits.dataset.uncompressed-size";
    public static final String DATASET_CELLS = "anneal.limits.dataset.cells";
    public static final String MODEL_PARAMETERS = "anneal.limits.model.parameters";
    public static final String MODEL_ACTIVATION_MEMORY = "anneal.limits.model.activation-memory";
    public static final String SEARCH_SPACE_PARAMETERS = "anneal.limits.search-space.parameters";
    public static final String SEARCH_SPACE_CATEGORICAL_VALUES = "anneal.limits.search-space.categorical-values";
    public static final String PROJECT_UNFINISHED_JOBS = "anneal.limits.project.unfinished-jobs";
    public static final String PROJECT_DATASET_STORAGE = "anneal.limits.project.dataset-storage";

    /**
     * One dataset upload, counted while it streams in.
     *
     * @param uploadSize bytes as sent (compressed, for a .csv.gz); also the multipart limit
     * @param uncompressedSize bytes after decompression
     * @param cells rows × columns: what parsing keeps in memory (8 bytes a numeric cell)
     */
    public record Dataset(
            @DefaultValue("100MB") DataSize uploadSize,
            @DefaultValue("512MB") DataSize uncompressedSize,
            @DefaultValue("20000000") long cells) {}

    /**
     * One trial's network at the largest point of the search space.
     *
     * @param parameters parameters of the networks one trial holds (k-fold: k networks)
     * @param activationMemory mini-batch × activation values per row × 4 bytes
     */
    public record Model(
            @DefaultValue("20000000") long parameters,
            @DefaultValue("512MB") DataSize activationMemory) {}

    /**
     * @param parameters parameters of one search space
     * @param categoricalValues values of one categorical parameter
     */
    public record SearchSpace(
            @DefaultValue("100") int parameters,
            @DefaultValue("1000") int categoricalValues) {}

    /**
     * Quotas of one project.
     *
     * @param unfinishedJobs jobs QUEUED or RUNNING at once
     * @param datasetStorage bytes of uploaded datasets as stored (gzip-compressed)
     */
    public record Project(
            @DefaultValue("100") int unfinishedJobs,
            @DefaultValue("2GB") DataSize datasetStorage) {}
}
