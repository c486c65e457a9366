package dev.anneal.cli.submit;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --timeout} values: {@code 90s}, {@code 30m}, {@code 1h30m}, {@code 2h}, or ISO-8601 {@code PT30M}. */
final class DurationConverter implements ITypeConverter<Duration> {

    private static final Pattern SHORT = Pattern.compile("(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?");

    @Override
    public Duration convert(String value) {
        String text = value.trim().toLowerCase(Locale.ROOT);
        if (text.startsWith("pt")) {
            try {
                return positive(Duration.parse(text.toUpperCase(Locale.ROOT)), value);
            } catch (java.time.format.DateTimeParseException e) {
                throw invalid(value);
            }
        }
        Matcher m = SHORT.matcher(text);
        if (text.isEmpty() || !m.matches()) {
            throw invalid(value);
        }
        Duration d = Duration.ofHours(number(m.group(1)))
                .plusMinutes(number(m.group(2)))
                .plusSeconds(number(m.group(3)));
        return positive(d, value);
    }

    private static long number(String group) {
        return group == null ? 0 : Long.parseLong(group);
    }

    private static Duration positive(Duration d, String value) {
        if (d.isZero() || d.isNegative()) {
            throw invalid(value);
        }
        return d;
    }

    private static TypeConversionException invalid(String value) {
        return new TypeConversionException(
                "must be a positive duration like 90s, 30m, 1h30m or PT30M, but was '" + value + "'");
    }
}
