package dev.anneal.tuner.pruner;

/** Pruner settings that cannot work, with a message saying what must hold. */
public class InvalidPrunerSettingsException extends IllegalArgumentException {

    private final String setting;

    public InvalidPrunerSettingsException(String setting, String message) {
        super(message);
        this.setting = setting;
    }

    /** The setting at fault, such as {@code reductionFactor}. */
    public String setting() {
        return setting;
    }
}
