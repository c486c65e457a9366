package dev.anneal.cli.gate;

/** The operators of a {@code --fail-if} expression. */
enum Comparison {
    LESS_OR_EQUAL("<=", (a, b) -> a <= b),
    GREATER_OR_EQUAL(">=", (a, b) -> a >= b),
    EQUAL("==", (a, b) -> a == b),
    NOT_EQUAL("!=", (a, b) -> a != b),
    LESS("<", (a, b) -> a < b),
    GREATER(">", (a, b) -> a > b);

    final String symbol;
    private final Test test;

    Comparison(String symbol, Test test) {
        this.symbol = symbol;
        this.test = test;
    }

    boolean holds(double left, double right) {
        return test.holds(left, right);
    }

    /** On primitives: boxed {@code Double}s would compare references with {@code ==}. */
    private interface Test {
        boolean holds(double left, double right);
    }
}
