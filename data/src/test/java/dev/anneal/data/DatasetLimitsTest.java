package dev.anneal.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.anneal.db.testing.SharedDatasets;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** Uploads are counted while they stream in and refused at the first count over its limit. */
class DatasetLimitsTest {

    private static final DatasetLimits LIMITS = new DatasetLimits(1 << 20, 4 << 20, 100_000);

    @Test
    void aGzipBombIsRefusedOnceItsInflatedBytesPassTheLimit() throws IOException {
        // 100 MB of one column of "1" lines, compressed to about 100 KB
        byte[] bomb = gzip("a\n", "1\n", 50_000_000);
        assertThat(bomb.length).isLessThan(1 << 20);

        DatasetLimits bytesOnly = new DatasetLimits(1 << 20, 4 << 20, Long.MAX_VALUE);
        assertThatThrownBy(() -> DatasetFile.parse(() -> new java.io.ByteArrayInputStream(bomb), bytesOnly))
                .isInstanceOfSatisfying(DatasetTooLargeException.class, e -> {
                    assertThat(e.limit()).isEqualTo(DatasetTooLargeException.Limit.UNCOMPRESSED_BYTES);
                    assertThat(e.max()).isEqualTo(4 << 20);
                })
                .hasMessageContaining("at most 4194304 bytes uncompressed");
    }

    @Test
    void cellsAreCountedBeforeAnyColumnIsBuilt() throws IOException {
        // 2 MB of text, 250,000 cells: under the byte limits, over the cell limit
        byte[] csv = plain("a,b\n", "1,2\n", 125_000);
        int[] opened = {0};

        assertThatThrownBy(() -> DatasetFile.parse(
                        () -> {
                            opened[0]++;
                            return new java.io.ByteArrayInputStream(csv);
                        },
                        LIMITS))
                .isInstanceOfSatisfying(
                        DatasetTooLargeException.class,
                        e -> assertThat(e.limit()).isEqualTo(DatasetTooLargeException.Limit.CELLS))
                .hasMessageContaining("at most 100000 cells");
        // refused by the counting passes (bytes, then cells): the parsing pass never started
        assertThat(opened[0]).isEqualTo(2);
    }

    @Test
    void anUploadOverItsOwnLimitIsRefused() {
        byte[] csv = plain("a,b\n", "1,2\n", 300_000);
        DatasetLimits uploadOnly = new DatasetLimits(1 << 20, Long.MAX_VALUE, Long.MAX_VALUE);

        assertThatThrownBy(() -> DatasetFile.parse(() -> new java.io.ByteArrayInputStream(csv), uploadOnly))
                .isInstanceOfSatisfying(
                        DatasetTooLargeException.class,
                        e -> assertThat(e.limit()).isEqualTo(DatasetTooLargeException.Limit.UPLOAD_BYTES));
    }

    @Test
    void anEndlessRowIsRefusedWithoutHoldingIt() throws IOException {
        byte[] oneLine = gzip("a\n", "1,", 1_500_000);

        assertThatThrownBy(() -> DatasetFile.parse(
                        () -> new java.io.ByteArrayInputStream(oneLine),
                        new DatasetLimits(1 << 20, 1L << 40, 1L << 40)))
                .isInstanceOf(InvalidDatasetException.class)
                .hasMessageContaining("at most " + CsvTableReader.MAX_ROW_CHARS + " characters");
    }

    @Test
    void aDatasetWithinTheLimitsParsesAsBefore() {
        byte[] wine = SharedDatasets.bytes("wine.csv");

        DatasetFile limited = DatasetFile.parse(() -> new java.io.ByteArrayInputStream(wine), LIMITS);
        DatasetFile unlimited = DatasetFile.parse(wine, Long.MAX_VALUE);

        assertThat(limited.table().rowCount()).isEqualTo(178);
        assertThat(limited.sha256()).isEqualTo(unlimited.sha256());
        assertThat(limited.uncompressedSize()).isEqualTo(wine.length);
    }

    private static byte[] gzip(String header, String line, int times) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(header.getBytes(StandardCharsets.UTF_8));
            byte[] block = line.repeat(10_000).getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < times / 10_000; i++) {
                gz.write(block);
            }
        }
        return out.toByteArray();
    }

    private static byte[] plain(String header, String line, int times) {
        return (header + line.repeat(times)).getBytes(StandardCharsets.UTF_8);
    }
}
