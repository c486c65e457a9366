package dev.anneal.tuner.space;

/** A search space or parameter that cannot be sampled, with a message saying what must hold. */
public class InvalidSearchSpaceException extends IllegalArgumentException {

    private final String parameter;
    private final String field;

    /**
     * @param parameter the parameter at fault, or {@code null} for the space as a whole
     * @param field the setting of the parameter at fault ({@code min}, {@code step}, ...), or {@code null}
     * @param message what must hold, and what was found, such as "must be <= max, but was 3 > 2"
     */
    public InvalidSearchSpaceException(String parameter, String field, String message) {
        super(message);
        this.parameter = parameter;
        this.field = field;
    }

    public String parameter() {
        return parameter;
    }

    public String field() {
        return field;
    }
}
