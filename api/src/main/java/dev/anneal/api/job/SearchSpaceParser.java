package dev.anneal.api.job;

import dev.anneal.api.limits.LimitsProperties;
import dev.anneal.spec.ParamValues;
import dev.anneal.tuner.space.Distribution;
import dev.anneal.tuner.space.FixedValue;
import dev.anneal.tuner.space.InvalidSearchSpaceException;
import dev.anneal.tuner.space.SearchSpace;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Reads a job's {@code searchSpace}: each parameter is an object with a {@code type} (float,
 * int, categorical) or a bare value that fixes it. Parameters of DL4J jobs must be hyperparameters
 * the trainer knows, with values inside its bounds; external jobs may name parameters freely, as
 * their client is the one that uses them.
 */
final class SearchSpaceParser {

    /** The parsed space. */
    record Parsed(SearchSpace space) {}

    /**
     * How large a submitted space may be ({@code anneal.limits.search-space.*}): a space is stored
     * with its job, served with every read of it and loaded on every scheduler pass.
     */
    record Limits(int parameters, int categoricalValues) {

        /** Spaces already stored were checked when they were submitted. */
        static final Limits NONE = new Limits(Integer.MAX_VALUE, Integer.MAX_VALUE);
    }

    private static final List<String> TYPES = List.of("float", "int", "categorical");

    /** The longest parameter name an external job may use. */
    static final int MAX_NAME_LENGTH = 200;

    private SearchSpaceParser() {}

    /**
     * @param family the model family whose hyperparameters a DL4J job may use, or {@code null}
     *     for external jobs, whose parameters may have any name
     */
    static Optional<Parsed> parse(SpecNode searchSpace, String family) {
        return parse(searchSpace, family, Limits.NONE);
    }

    static Optional<Parsed> parse(SpecNode searchSpace, String family, Limits limits) {
        if (searchSpace.fieldNames().isEmpty()) {
            searchSpace.error("", "must have at least one parameter");
            return Optional.empty();
        }
        if (searchSpace.fieldNames().size() > limits.parameters()) {
            searchSpace.error(
                    "",
                    "may have at most " + limits.parameters() + " parameters ("
                            + LimitsProperties.SEARCH_SPACE_PARAMETERS + "), but has "
                            + searchSpace.fieldNames().size());
            return Optional.empty();
        }
        Map<String, Distribution> parameters = new LinkedHashMap<>();
        boolean ok = true;
        for (String name : searchSpace.fieldNames()) {
            Optional<Distribution> d = parameter(searchSpace, name, limits)
                    .filter(p -> family != null
                            ? CatalogChecks.fitsCatalog(searchSpace, name, p, family)
                            : goodName(searchSpace, name));
            d.ifPresent(p -> parameters.put(name, p));
            ok &= d.isPresent();
        }
        if (!ok) {
            return Optional.empty();
        }
        SearchSpace space = new SearchSpace(parameters);
        return Optional.of(new Parsed(space));
    }

    private static Optional<Distribution> parameter(SpecNode searchSpace, String name, Limits limits) {
        JsonNode raw = searchSpace.raw(name);
        if (raw == null || raw.isNull() || raw.isArray()) {
            searchSpace.error(
                    name,
                    "must be an object with a type, or a fixed value (string, number or boolean), but was "
                            + SpecNode.describe(raw));
            return Optional.empty();
        }
        if (!raw.isObject()) {
            return Optional.of(new FixedValue(name, ParamValues.scalar(raw)));
        }
        SpecNode p = new SpecNode(raw, searchSpace.path(name), errorsOf(searchSpace));
        Optional<String> type = p.choice("type", true, TYPES);
        if (type.isEmpty()) {
            return Optional.empty();
        }
        int before = errorsOf(searchSpace).size();
        try {
            return switch (type.get()) {
                case "float" -> RangeParser.floatRange(p, name, before);
                case "int" -> RangeParser.intRange(p, name, before);
                default -> RangeParser.categorical(p, name, before, limits);
            };
        } catch (InvalidSearchSpaceException e) {
            p.error(e.field() == null ? "type" : e.field(), e.getMessage());
            return Optional.empty();
        }
    }

    private static boolean goodName(SpecNode searchSpace, String name) {
        if (name.isBlank() || name.length() > MAX_NAME_LENGTH) {
            searchSpace.error(
                    "",
                    "parameter names must be 1 to " + MAX_NAME_LENGTH + " characters and not blank, but one was \""
                            + (name.length() > 40 ? name.substring(0, 37) + "..." : name) + "\"");
            return false;
        }
        return true;
    }

    private static List<dev.anneal.api.problem.FieldError> errorsOf(SpecNode node) {
        return node.errors();
    }
}
