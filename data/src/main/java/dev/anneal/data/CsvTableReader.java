package dev.anneal.data;

import java.io.ByteArrayInputStream;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a CSV dataset (plain or gzip-compressed, told apart by content, not name): one header
 * row, comma separated, RFC 4180 quoting, UTF-8. Every row must have as many cells as the header.
 */
public final class CsvTableReader {

    /** Columns beyond this are refused: wider tables do not train sensibly as an MLP input. */
    public static final int MAX_COLUMNS = 10_000;

    /** Characters one row (or the header) may have: bounds what the parser holds for one row. */
    public static final int MAX_ROW_CHARS = 1 << 20;

    /** What the parser may have read beyond the current row. */
    private static final int READ_AHEAD = 64 * 1024;

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true)
            .setTrim(true)
            .get();

    private CsvTableReader() {}

    /**
     * @throws InvalidDatasetException if the content is not a CSV table Anneal can use
     */
    public static CsvTable read(byte[] content) {
        try {
            return read(open(content));
        } catch (IOException e) {
            throw new InvalidDatasetException("the file is not a readable CSV: " + rootMessage(e), e);
        }
    }

    /**
     * Reads uncompressed CSV from {@code in} and closes it.
     *
     * @throws InvalidDatasetException if the content is not a CSV table Anneal can use
     */
    public static CsvTable read(InputStream in) {
        return read(in, Long.MAX_VALUE);
    }

    /**
     * Reads uncompressed CSV from {@code in} and closes it, refusing it as soon as it holds more
     * than {@code maxCells} data cells.
     *
     * @throws DatasetTooLargeException once the table passes {@code maxCells}
     * @throws InvalidDatasetException if the content is not a CSV table Anneal can use
     */
    public static CsvTable read(InputStream in, long maxCells) {
        List<ColumnBuilder> builders = new ArrayList<>();
        int rows = parse(in, maxCells, header -> builders.addAll(builders(header)), record -> {
            for (int i = 0; i < record.size(); i++) {
                builders.get(i).add(record.get(i));
            }
        });
        return new CsvTable(builders.stream().map(ColumnBuilder::build).toList(), rows);
    }

    /**
     * Reads uncompressed CSV from {@code in} as {@link #read(InputStream, long)} does, with the same
     * checks, but keeps none of it: only one row is in memory at a time.
     *
     * @return the number of data rows
     */
    public static int scan(InputStream in, long maxCells) {
        return parse(in, maxCells, CsvTableReader::builders, record -> {});
    }

    private static int parse(
            InputStream in,
            long maxCells,
            java.util.function.Consumer<List<String>> onHeader,
            java.util.function.Consumer<CSVRecord> onRecord) {
        try (InputStream raw = in;
                RowLengthGuard reader = new RowLengthGuard(new InputStreamReader(
                        raw,
                        StandardCharsets.UTF_8
                                .newDecoder()
                                .onMalformedInput(CodingErrorAction.REPORT)
                                .onUnmappableCharacter(CodingErrorAction.REPORT)));
                CSVParser parser =
                        CSVParser.builder().setReader(reader).setFormat(FORMAT).get()) {
            List<String> header = parser.getHeaderNames();
            onHeader.accept(header);
            int columns = header.size();
            long rows = 0;
            for (CSVRecord record : parser) {
                reader.rowDone();
                if (record.size() != columns) {
                    throw new InvalidDatasetException("data row " + record.getRecordNumber() + " has " + record.size()
                            + " cells, but the header has " + columns);
                }
                if ((rows + 1) * columns > maxCells) {
                    throw DatasetTooLargeException.cells(maxCells, rows, columns);
                }
                onRecord.accept(record);
                rows++;
            }
            if (rows == 0) {
                throw new InvalidDatasetException("the file has a header but no data rows");
            }
            return (int) rows;
        } catch (CharacterCodingException e) {
            throw new InvalidDatasetException("the file is not UTF-8 text", e);
        } catch (IOException | UncheckedIOException e) {
            throw new InvalidDatasetException("the file is not a readable CSV: " + rootMessage(e), e);
        } catch (IllegalArgumentException | IllegalStateException e) {
            // commons-csv reports a missing, empty or duplicate header this way
            throw new InvalidDatasetException("the CSV header is not usable: " + e.getMessage(), e);
        }
    }

    /**
     * Refuses a row (or the header) longer than {@link #MAX_ROW_CHARS}: the parser holds a whole
     * row in memory before it can be counted, so an endless line would otherwise be materialised
     * in full. Counts characters read since the last row ended (plus the parser's read-ahead).
     */
    private static final class RowLengthGuard extends FilterReader {

        private long sinceRow;

        RowLengthGuard(Reader in) {
            super(in);
        }

        void rowDone() {
            sinceRow = 0;
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            count(c < 0 ? 0 : 1);
            return c;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int n) {
            sinceRow += n;
            if (sinceRow > MAX_ROW_CHARS + READ_AHEAD) {
                throw new InvalidDatasetException("a row of a dataset may be at most " + MAX_ROW_CHARS
                        + " characters long, but this file has a longer one");
            }
        }
    }

    private static List<ColumnBuilder> builders(List<String> header) {
        if (header.isEmpty()) {
            throw new InvalidDatasetException("the file is empty: it needs a header row and data rows");
        }
        if (header.size() > MAX_COLUMNS) {
            throw new InvalidDatasetException(
                    "a dataset may have at most " + MAX_COLUMNS + " columns, but this one has " + header.size());
        }
        Set<String> seen = new HashSet<>();
        List<ColumnBuilder> builders = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i);
            if (name == null || name.isBlank()) {
                throw new InvalidDatasetException("column " + (i + 1) + " has an empty name in the header");
            }
            if (!seen.add(name)) {
                throw new InvalidDatasetException("column name \"" + name + "\" appears twice in the header");
            }
            builders.add(new ColumnBuilder(name));
        }
        return builders;
    }

    /** The uncompressed bytes of {@code content}, which may be gzip-compressed. */
    public static InputStream open(byte[] content) throws IOException {
        InputStream in = new ByteArrayInputStream(content);
        return isGzip(content) ? new GZIPInputStream(in, 64 * 1024) : in;
    }

    public static boolean isGzip(byte[] content) {
        return content.length >= 2 && (content[0] & 0xff) == 0x1f && (content[1] & 0xff) == 0x8b;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
