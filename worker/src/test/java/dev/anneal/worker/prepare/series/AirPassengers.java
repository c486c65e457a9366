package dev.anneal.worker.prepare.series;

import dev.anneal.data.CsvTableReader;
import dev.anneal.data.NumericColumn;
import dev.anneal.db.testing.SharedDatasets;
import java.util.Arrays;

/** The 144 monthly airline passenger totals (thousands, 1949–1960) as a one-column series. */
public final class AirPassengers {

    private AirPassengers() {}

    public static double[][] series() {
        var table = CsvTableReader.read(SharedDatasets.bytes("airpassengers.csv"));
        double[] passengers = ((NumericColumn) table.column("target").orElseThrow()).values();
        return Arrays.stream(passengers).mapToObj(p -> new double[] {p}).toArray(double[][]::new);
    }
}
