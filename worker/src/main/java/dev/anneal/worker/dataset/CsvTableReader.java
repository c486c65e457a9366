package dev.anneal.worker.dataset;

import java.io.ByteArrayInputStream;
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
        try (InputStream raw = in;
                Reader reader = new InputStreamReader(
                        raw,
                        StandardCharsets.UTF_8
                                .newDecoder()
                                .onMalformedInput(CodingErrorAction.REPORT)
                                .onUnmappableCharacter(CodingErrorAction.REPORT));
                CSVParser parser =
                        CSVParser.builder().setReader(reader).setFormat(FORMAT).get()) {
            List<String> header = parser.getHeaderNames();
            List<ColumnBuilder> builders = builders(header);
            int rows = 0;
            for (CSVRecord record : parser) {
                if (record.size() != header.size()) {
                    throw new InvalidDatasetException("data row " + record.getRecordNumber() + " has " + record.size()
                            + " cells, but the header has " + header.size());
                }
                for (int i = 0; i < header.size(); i++) {
                    builders.get(i).add(record.get(i));
                }
                rows++;
            }
            if (rows == 0) {
                throw new InvalidDatasetException("the file has a header but no data rows");
            }
            return new CsvTable(builders.stream().map(ColumnBuilder::build).toList(), rows);
        } catch (CharacterCodingException e) {
            throw new InvalidDatasetException("the file is not UTF-8 text", e);
        } catch (IOException | UncheckedIOException e) {
            throw new InvalidDatasetException("the file is not a readable CSV: " + rootMessage(e), e);
        } catch (IllegalArgumentException | IllegalStateException e) {
            // commons-csv reports a missing, empty or duplicate header this way
            throw new InvalidDatasetException("the CSV header is not usable: " + e.getMessage(), e);
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
