package dev.anneal.db.job;

/** Whether the objective metric is better when smaller or when larger. */
public enum ObjectiveDirection {
    MINIMIZE,
    MAXIMIZE
}
