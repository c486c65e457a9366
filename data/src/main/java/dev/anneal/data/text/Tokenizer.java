package dev.anneal.data.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a text becomes tokens ({@code tokenization}): {@code words} are lower-cased runs of letters
 * and digits (with inner apostrophes, so "don't" stays one word) and every other non-space
 * character on its own, so punctuation, HTML and symbols still carry signal; {@code characters}
 * are the text's code points exactly as written, case and white space included.
 */
public enum Tokenizer {
    WORDS,
    CHARACTERS,
    /** Runs of non-space characters exactly as written: a translation's target tokens ("AH0 B AW1 T"). */
    SPACES;

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}_]+(?:'[\\p{L}\\p{N}_]+)*|[^\\s\\p{L}\\p{N}_]");

    /** @throws IllegalArgumentException for a spelling that is not a tokenization */
    public static Tokenizer of(String spelling) {
        return valueOf(spelling.toUpperCase(Locale.ROOT));
    }

    public String spelling() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Every token of {@code text} in order; none for {@code null}. */
    public List<String> tokens(String text) {
        return tokens(text, Integer.MAX_VALUE);
    }

    /** The first {@code limit} tokens of {@code text}: long texts are cut without tokenizing the rest. */
    public List<String> tokens(String text, int limit) {
        List<String> tokens = new ArrayList<>();
        if (text == null) {
            return tokens;
        }
        if (this == CHARACTERS) {
            text.codePoints().limit(limit).forEach(cp -> tokens.add(new String(Character.toChars(cp))));
            return tokens;
        }
        if (this == SPACES) {
            for (String token : text.trim().split("\\s+")) {
                if (!token.isEmpty() && tokens.size() < limit) {
                    tokens.add(token);
                }
            }
            return tokens;
        }
        Matcher m = WORD.matcher(text);
        while (tokens.size() < limit && m.find()) {
            tokens.add(m.group().toLowerCase(Locale.ROOT));
        }
        return tokens;
    }
}
