package dev.anneal.data;

import java.util.List;
import java.util.Optional;

/** Rows, columns and per-column facts, inferred when a dataset is stored. */
public record DatasetProfile(int rows, List<ColumnProfile> columns) {

    public Optional<ColumnProfile> column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst();
    }
}
