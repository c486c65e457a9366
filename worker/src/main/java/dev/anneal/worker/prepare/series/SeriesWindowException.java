package dev.anneal.worker.prepare.series;

import dev.anneal.worker.prepare.TrainingDataException;

/**
 * The series cannot be cut into the windows a job asks for (too short, too many gaps, a log scale
 * on a series that is not positive). A {@link TrainingDataException}, so the message reaches the
 * user as the trial's failure reason the same way tabular data problems do.
 */
public class SeriesWindowException extends TrainingDataException {

    public SeriesWindowException(String message) {
        super(message);
    }
}
