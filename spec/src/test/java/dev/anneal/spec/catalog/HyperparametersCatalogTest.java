package dev.anneal.spec.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.anneal.spec.ModelFamilies;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Pins every entry of the catalog: a refactor of {@link Hyperparameters} that changes a name, a
 * bound (or whether it is open), a default (or its Java type), a family, a choice, a description
 * or the order fails here. The expected table is {@code hyperparameter-catalog.tsv}; to accept an
 * intended change, compare it with {@code target/hyperparameter-catalog.actual.tsv}, which a
 * failing run writes, and update it together with the README's table, which the second test
 * checks.
 */
class HyperparametersCatalogTest {

    private static final String TABLE = "hyperparameter-catalog.tsv";

    @Test
    void everyEntryIsTheExpectedTableRowInOrder() throws IOException {
        List<String> table = tableLines();
        List<String> expected =
                table.stream().filter(l -> !l.startsWith("#") && !l.isBlank()).toList();
        List<String> actual = Hyperparameters.all().stream()
                .map(HyperparametersCatalogTest::row)
                .toList();
        if (!actual.equals(expected)) {
            List<String> comments =
                    table.stream().filter(l -> l.startsWith("#")).toList();
            Files.write(
                    Path.of("target", "hyperparameter-catalog.actual.tsv"),
                    Stream.concat(comments.stream(), actual.stream()).toList(),
                    StandardCharsets.UTF_8);
        }
        assertThat(actual).containsExactlyElementsOf(expected);
    }

    @Test
    void lookupsAgreeWithTheCatalog() {
        List<Hyperparameter> all = Hyperparameters.all();
        assertThat(Hyperparameters.names())
                .containsExactlyElementsOf(
                        all.stream().map(Hyperparameter::name).toList());
        for (Hyperparameter h : all) {
            assertThat(Hyperparameters.get(h.name())).isEqualTo(h);
            assertThat(Hyperparameters.find(h.name())).contains(h);
        }
        assertThat(Hyperparameters.find("noSuchParameter")).isEmpty();
        for (String family : ModelFamilies.ALL) {
            assertThat(Hyperparameters.namesFor(family))
                    .containsExactlyElementsOf(all.stream()
                            .filter(h -> h.families().contains(family))
                            .map(Hyperparameter::name)
                            .toList());
        }
    }

    /** The README's table is the catalog as users read it: same names, order, kinds, bounds, defaults, families. */
    @Test
    void readmeTableAgreesWithTheCatalog() throws IOException {
        Map<String, String[]> readme = readmeRows();
        assertThat(readme.keySet()).containsExactlyElementsOf(Hyperparameters.names());
        for (Hyperparameter h : Hyperparameters.all()) {
            String[] cells = readme.get(h.name());
            assertThat(cells[1]).as(h.name() + " kind").isEqualTo(readmeKind(h));
            assertThat(cells[3]).as(h.name() + " default").isEqualTo(readmeDefault(h));
            assertThat(cells[4]).as(h.name() + " families").isEqualTo(readmeFamilies(h));
            switch (h.kind()) {
                case FLOAT, INT -> assertThat(cells[2]).as(h.name() + " bounds").startsWith(readmeBounds(h));
                case CHOICE ->
                    h.choices()
                            .forEach(c -> assertThat(cells[2])
                                    .as(h.name() + " choices")
                                    .contains("`" + c + "`"));
                case BOOLEAN -> {}
            }
        }
    }

    private static String row(Hyperparameter h) {
        return String.join(
                "\t", h.name(), h.kind().name(), accepted(h), typed(h.defaultValue()), families(h), h.description());
    }

    /** Interval notation for numbers, so an open bound reads {@code (0} or {@code 1)}. */
    private static String accepted(Hyperparameter h) {
        return switch (h.kind()) {
            case FLOAT, INT ->
                (h.minExclusive() ? "(" : "[") + number(h.min()) + ", " + number(h.max())
                        + (h.maxExclusive() ? ")" : "]");
            case CHOICE -> String.join("|", h.choices());
            case BOOLEAN -> "-";
        };
    }

    /** The default with its Java type: trials read a Long where they expect a whole number. */
    private static String typed(Object value) {
        return value.getClass().getSimpleName() + " " + value;
    }

    private static String families(Hyperparameter h) {
        return ModelFamilies.ALL.stream().filter(h::appliesTo).collect(Collectors.joining(","))
                + (h.families().stream().allMatch(ModelFamilies.ALL::contains) ? "" : ",UNKNOWN");
    }

    /** Exact: whole values as integers, others as {@link Double#toString}, which round-trips. */
    private static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    private static List<String> tableLines() throws IOException {
        try (InputStream in = HyperparametersCatalogTest.class.getResourceAsStream(TABLE)) {
            assertThat(in).as(TABLE).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }

    private static String readmeKind(Hyperparameter h) {
        return switch (h.kind()) {
            case FLOAT -> "number";
            case INT -> "integer";
            case CHOICE -> "choice";
            case BOOLEAN -> "boolean";
        };
    }

    private static String readmeDefault(Hyperparameter h) {
        Object v = h.defaultValue();
        if (v instanceof Number n) {
            return new BigDecimal(n.toString()).stripTrailingZeros().toPlainString();
        }
        return "`" + v + "`";
    }

    private static String readmeFamilies(Hyperparameter h) {
        return h.families().containsAll(ModelFamilies.ALL) ? "all" : families(h).replace(",", ", ");
    }

    /** How the README writes bounds: {@code 1..8192}, {@code 0..<1}, {@code > 0 and <= 10}. */
    private static String readmeBounds(Hyperparameter h) {
        if (h.minExclusive()) {
            return h.boundsText();
        }
        return number(h.min()) + ".." + (h.maxExclusive() ? "<" : "") + number(h.max());
    }

    /** The rows of the table under "| name | kind | accepted | default | families |", cells unquoted. */
    private static Map<String, String[]> readmeRows() throws IOException {
        List<String> lines = Files.readAllLines(readme(), StandardCharsets.UTF_8);
        int header = lines.indexOf("| name | kind | accepted | default | families |");
        assertThat(header).as("hyperparameter table header in README.md").isNotNegative();
        List<String[]> rows = new ArrayList<>();
        for (int i = header + 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
            String line = lines.get(i);
            String[] cells = line.substring(1, line.length() - 1).split(" \\| ", -1);
            for (int c = 0; c < cells.length; c++) {
                cells[c] = cells[c].strip();
            }
            cells[0] = cells[0].replace("`", "");
            rows.add(cells);
        }
        return rows.stream()
                .collect(Collectors.toMap(r -> r[0], Function.identity(), (a, b) -> a, java.util.LinkedHashMap::new));
    }

    /** The repository's README: tests run in the module directory, one level below it. */
    private static Path readme() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("README.md")) && Files.isRegularFile(dir.resolve("mvnw"))) {
                return dir.resolve("README.md");
            }
        }
        throw new UncheckedIOException(
                new IOException("README.md not found above " + Path.of("").toAbsolutePath()));
    }
}
