package dev.anneal.worker.prepare;

/** The job's dataset cannot be turned into training data; the message says why, for the trial's failure reason. */
public class TrainingDataException extends RuntimeException {

    public TrainingDataException(String message) {
        super(message);
    }
}
