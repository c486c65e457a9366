package dev.anneal.tuner.space;

/** A search space or parameter that cannot be sampled, with a message saying what must hold. */
public class InvalidSearchSpaceException extends IllegalArgumentException {

    private final String parameter;

    public InvalidSearchSpaceException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    /** The parameter at fault, or {@code null} for the space as a whole. */
    public String parameter() {
        return parameter;
    }
}
