package dev.anneal.db.trial;

import java.util.List;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The columns a completion writes for a job with several objectives or with constraints, shared
 * by the DL4J queue and ask/tell: the first objective as {@code value}, every objective and
 * constraint value as arrays, and a rank key that puts the trial after every ranked one until
 * {@link ParetoRanks#refresh} places it.
 */
final class TradeOffColumns {

    /** Assignments for an {@code update trial ... set} that take {@link #bind}'s parameters. */
    static final String SET = "state = 'COMPLETED', value = :value, rank_key = 1e15,"
            + " objective_values = cast(:values as double precision[]),"
            + " constraint_values = cast(:constraints as double precision[])";

    private TradeOffColumns() {}

    /** @throws IllegalArgumentException unless there is an objective and every value is finite */
    static JdbcClient.StatementSpec bind(
            JdbcClient.StatementSpec statement, List<Double> values, List<Double> constraints) {
        if (values.isEmpty()
                || !values.stream().allMatch(Double::isFinite)
                || !constraints.stream().allMatch(Double::isFinite)) {
            throw new IllegalArgumentException(
                    "objective and constraint values must be finite, but were " + values + ", " + constraints);
        }
        return statement
                .param("value", values.get(0))
                .param("values", literal(values))
                .param("constraints", constraints.isEmpty() ? null : literal(constraints));
    }

    /** A PostgreSQL array literal; {@link Double#toString} round-trips exactly. */
    private static String literal(List<Double> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
    }
}
