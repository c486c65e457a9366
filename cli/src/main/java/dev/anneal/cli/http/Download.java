package dev.anneal.cli.http;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@link AnnealClient#download} wrote: how many bytes, and the file name the server suggested
 * in {@code Content-Disposition}, which for models names the trial the model comes from
 * ({@code anneal-job-12-trial-3.zip}).
 *
 * @param contentDisposition the header as sent, or null
 */
public record Download(String contentDisposition, long bytes) {

    private static final Pattern FILENAME = Pattern.compile("filename=\"?([^\";]+)\"?");
    private static final Pattern TRIAL = Pattern.compile("-trial-(\\d+)[-.]");

    public Optional<String> filename() {
        if (contentDisposition == null) {
            return Optional.empty();
        }
        Matcher m = FILENAME.matcher(contentDisposition);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** The trial number in the suggested file name, if the server named one. */
    public Optional<Integer> trialNumber() {
        return filename().map(TRIAL::matcher).filter(Matcher::find).map(m -> Integer.parseInt(m.group(1)));
    }
}
