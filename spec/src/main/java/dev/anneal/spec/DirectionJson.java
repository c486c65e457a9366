package dev.anneal.spec;

import dev.anneal.tuner.study.Direction;
import java.util.Locale;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;

/**
 * The spec's spelling of the tuner's {@link Direction}: {@code minimize} or {@code maximize}. The
 * tuner is plain Java without Jackson, so its enum is mapped here rather than annotated there.
 */
public final class DirectionJson {

    private DirectionJson() {}

    public static String spelling(Direction direction) {
        return direction.name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException for anything but {@code minimize} or {@code maximize} */
    public static Direction parse(String spelling) {
        return switch (spelling) {
            case "minimize" -> Direction.MINIMIZE;
            case "maximize" -> Direction.MAXIMIZE;
            default -> throw new IllegalArgumentException("not a direction: " + spelling);
        };
    }

    /** Whether a spelling (as the api answers it) means larger is better; false for anything else. */
    public static boolean maximizes(String spelling) {
        return "maximize".equals(spelling);
    }

    static final class Writer extends ValueSerializer<Direction> {
        @Override
        public void serialize(Direction value, JsonGenerator gen, SerializationContext ctxt) {
            gen.writeString(spelling(value));
        }
    }

    static final class Reader extends ValueDeserializer<Direction> {
        @Override
        public Direction deserialize(JsonParser p, DeserializationContext ctxt) {
            return parse(p.getValueAsString());
        }
    }
}
