package dev.anneal.data;

import java.util.Set;

/** Which cell texts mean "no value": empty, or one of the usual markers (as pandas reads them). */
public final class MissingValues {

    public static final Set<String> MARKERS = Set.of("", "na", "n/a", "nan", "null", "none", "?");

    private MissingValues() {}

    public static boolean isMissing(String cell) {
        return cell == null || MARKERS.contains(cell.trim().toLowerCase(java.util.Locale.ROOT));
    }
}
