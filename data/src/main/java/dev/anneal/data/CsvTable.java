package dev.anneal.data;

import java.util.List;
import java.util.Optional;

/** A parsed dataset: named, typed columns of equal length. Immutable by convention; shared between trials. */
public record CsvTable(List<Column> columns, int rowCount) {

    public CsvTable {
        columns = List.copyOf(columns);
    }

    public Optional<Column> column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    public List<String> columnNames() {
        return columns.stream().map(Column::name).toList();
    }
}
