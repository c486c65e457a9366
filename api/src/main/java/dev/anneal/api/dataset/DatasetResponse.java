package dev.anneal.api.dataset;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.anneal.db.dataset.DatasetEntity;
import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * A dataset. {@code profile} (columns with type, missing count, range or frequent values) is
 * included by the single-dataset endpoint and left out of lists.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record DatasetResponse(
        long id,
        String name,
        String sha256,
        String originalFilename,
        int rows,
        int columns,
        boolean builtin,
        Instant createdAt,
        JsonNode profile) {

    static DatasetResponse of(DatasetEntity d, JsonNode profile) {
        return new DatasetResponse(
                d.getId(),
                d.getName(),
                d.getContentSha256(),
                d.getOriginalFilename(),
                d.getRowCount(),
                d.getColumnCount(),
                d.isBuiltin(),
                d.getCreatedAt(),
                profile);
    }
}
