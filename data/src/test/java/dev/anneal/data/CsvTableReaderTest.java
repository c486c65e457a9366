package dev.anneal.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.anneal.db.testing.SharedDatasets;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CsvTableReaderTest {

    @Test
    void readsIrisAsNumericColumns() {
        CsvTable iris = CsvTableReader.read(SharedDatasets.bytes("iris.csv"));

        assertThat(iris.rowCount()).isEqualTo(150);
        assertThat(iris.columnNames())
                .containsExactly("sepal_length_cm", "sepal_width_cm", "petal_length_cm", "petal_width_cm", "label");
        assertThat(iris.columns()).allMatch(c -> c instanceof NumericColumn);
        assertThat(((NumericColumn) iris.column("sepal_length_cm").orElseThrow()).get(0))
                .isEqualTo(5.1);
    }

    @Test
    void readsGzipCompressedMnistByContent() {
        CsvTable mnist = CsvTableReader.read(SharedDatasets.bytes("mnist.csv.gz"));

        assertThat(mnist.rowCount()).isEqualTo(10_000);
        assertThat(mnist.columns()).hasSize(785);
    }

    @Test
    void countsMissingCellsInAirquality() {
        CsvTable air = CsvTableReader.read(SharedDatasets.bytes("airquality.csv"));

        assertThat(air.column("target").orElseThrow().missingCount()).isEqualTo(37);
        assertThat(air.column("solar_r").orElseThrow().missingCount()).isEqualTo(7);
        assertThat(air.column("wind").orElseThrow().missingCount()).isZero();
    }

    @Test
    void textCellsMakeAColumnCategoricalAndKeepEarlierNumbersReadable() {
        CsvTable t = read("a,b\n1,x\n2,3\nNA,y\n");

        assertThat(t.column("a").orElseThrow()).isInstanceOf(NumericColumn.class);
        CategoricalColumn b = (CategoricalColumn) t.column("b").orElseThrow();
        assertThat(b.values()).containsExactly("x", "3", "y");
        assertThat(t.column("a").orElseThrow().missingCount()).isEqualTo(1);
    }

    @Test
    void numbersBeforeTheFirstTextAreNotTurnedIntoDecimals() {
        CategoricalColumn c =
                (CategoricalColumn) read("c\n3\n2.5\nlow\n\n").column("c").orElseThrow();
        assertThat(c.values()).containsExactly("3", "2.5", "low");
    }

    @Test
    void quotedCellsMayHoldCommas() {
        CsvTable t = read("name,score\n\"Smith, J\",1\n");
        assertThat(((CategoricalColumn) t.column("name").orElseThrow()).get(0)).isEqualTo("Smith, J");
    }

    @Test
    void rejectsRaggedRows() {
        assertThatThrownBy(() -> read("a,b\n1,2\n3\n"))
                .isInstanceOf(InvalidDatasetException.class)
                .hasMessage("data row 2 has 1 cells, but the header has 2");
    }

    @Test
    void rejectsFilesWithoutData() {
        assertThatThrownBy(() -> read("")).isInstanceOf(InvalidDatasetException.class);
        assertThatThrownBy(() -> read("a,b\n")).hasMessage("the file has a header but no data rows");
    }

    @Test
    void rejectsDuplicateAndEmptyColumnNames() {
        assertThatThrownBy(() -> read("a,a\n1,2\n")).isInstanceOf(InvalidDatasetException.class);
        assertThatThrownBy(() -> read("a,,c\n1,2,3\n")).isInstanceOf(InvalidDatasetException.class);
    }

    @Test
    void rejectsBinaryContent() {
        byte[] notText = {(byte) 0xff, (byte) 0xfe, 0x00, 0x41, (byte) 0xc3, 0x28};
        assertThatThrownBy(() -> CsvTableReader.read(notText)).isInstanceOf(InvalidDatasetException.class);
    }

    @Test
    void plainAndGzipUploadsOfTheSameTableShareOneHash() throws Exception {
        byte[] plain = SharedDatasets.bytes("wine.csv");
        var gz = new java.io.ByteArrayOutputStream();
        try (var out = new java.util.zip.GZIPOutputStream(gz)) {
            out.write(plain);
        }

        DatasetFile fromPlain = DatasetFile.parse(plain, 1 << 20);
        DatasetFile fromGzip = DatasetFile.parse(gz.toByteArray(), 1 << 20);

        assertThat(fromPlain.sha256()).isEqualTo(fromGzip.sha256()).startsWith("23e4194a5c52");
        assertThat(fromPlain.uncompressedSize()).isEqualTo(plain.length).isEqualTo(fromGzip.uncompressedSize());
        assertThat(CsvTableReader.read(fromPlain.gzipBytes()).rowCount()).isEqualTo(178);
    }

    @Test
    void refusesFilesLargerThanTheLimitOnceInflated() {
        byte[] plain = SharedDatasets.bytes("wine.csv");
        assertThatThrownBy(() -> DatasetFile.parse(plain, 1000))
                .isInstanceOf(InvalidDatasetException.class)
                .hasMessageContaining("at most 1000 bytes uncompressed");
    }

    @Test
    void profilesTypesMissingCountsAndFrequentValues() {
        DatasetProfile profile = DatasetProfiler.profile(read("x,color,y\n1,red,0\n2,,1\n3,red,\n,blue,1\n"));

        ColumnProfile x = profile.column("x").orElseThrow();
        assertThat(x.type()).isEqualTo("numeric");
        assertThat(x.missing()).isEqualTo(1);
        assertThat(x.min()).isEqualTo(1.0);
        assertThat(x.max()).isEqualTo(3.0);
        assertThat(x.mean()).isEqualTo(2.0);
        ColumnProfile color = profile.column("color").orElseThrow();
        assertThat(color.type()).isEqualTo("categorical");
        assertThat(color.missing()).isEqualTo(1);
        assertThat(color.distinct()).isEqualTo(2);
        assertThat(color.topValues()).first().isEqualTo(new ColumnProfile.ValueCount("red", 2));
        assertThat(profile.rows()).isEqualTo(4);
    }

    private static CsvTable read(String csv) {
        return CsvTableReader.read(csv.getBytes(StandardCharsets.UTF_8));
    }
}
