package dev.anneal.api.limits;

import java.io.IOException;

/**
 * Thrown while a request body is read past {@code anneal.limits.request-body}. An IOException, so
 * the readers in between (Jackson, Spring's converters) pass it on as a failed read; the problem
 * advice finds it among the causes and answers 413.
 */
public final class RequestBodyTooLarge extends IOException {

    private final long maxBytes;

    public RequestBodyTooLarge(long maxBytes) {
        super(detail(maxBytes, -1));
        this.maxBytes = maxBytes;
    }

    public long maxBytes() {
        return maxBytes;
    }

    /** What a 413 for a body over {@code maxBytes} says; {@code declared} is its Content-Length, or -1. */
    public static String detail(long maxBytes, long declared) {
        return "a request body may be at most " + maxBytes + " bytes (" + LimitsProperties.REQUEST_BODY
                + "), but this one " + (declared >= 0 ? "declares " + declared + " bytes" : "is larger")
                + "; datasets are uploaded as multipart files to /api/v1/datasets";
    }
}
