package dev.anneal.worker.train.recurrent;

/**
 * The shape and regularization of a stacked-LSTM network.
 *
 * @param units LSTM units per layer
 * @param layers stacked LSTM layers, at least 1
 * @param dropout probability of dropping an input of the second and later LSTM layers and of the
 *     output layer (not the raw series), 0 for none
 * @param gradientClipping L2 norm each layer's gradient is clipped to, 0 for no clipping
 */
public record RecurrentSettings(int units, int layers, double dropout, double gradientClipping) {

    public RecurrentSettings {
        if (units < 1 || layers < 1) {
            throw new IllegalArgumentException(
                    "need at least 1 layer of at least 1 unit, got " + layers + " × " + units);
        }
        if (dropout < 0 || dropout >= 1) {
            throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
        }
        if (gradientClipping < 0) {
            throw new IllegalArgumentException(
                    "gradient clipping threshold must not be negative, got " + gradientClipping);
        }
    }
}
