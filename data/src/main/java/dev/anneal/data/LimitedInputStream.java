package dev.anneal.data;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Supplier;

/** Counts the bytes read through it and throws as soon as they pass a limit. */
final class LimitedInputStream extends FilterInputStream {

    private final long max;
    private final Supplier<? extends RuntimeException> overLimit;
    private long count;

    LimitedInputStream(InputStream in, long max, Supplier<? extends RuntimeException> overLimit) {
        super(in);
        this.max = max;
        this.overLimit = overLimit;
    }

    long count() {
        return count;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            add(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            add(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        add(skipped);
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void add(long n) {
        count += n;
        if (count > max) {
            throw overLimit.get();
        }
    }
}
