package dev.anneal.tuner.sampler;

/** Algorithm settings that no sampler accepts, with a message saying what must hold. */
public class InvalidAlgorithmSettingsException extends IllegalArgumentException {

    private final String setting;

    public InvalidAlgorithmSettingsException(String setting, String message) {
        super(message);
        this.setting = setting;
    }

    /** The setting at fault, such as {@code type}. */
    public String setting() {
        return setting;
    }
}
