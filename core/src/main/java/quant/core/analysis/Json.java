package quant.core.analysis;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;

/**
 * The one JSON writer for results: records as they are (camelCase keys from their components),
 * dates as ISO strings, indented. Keys are listed in {@code docs/cli.md}.
 *
 * <p>A number that is not finite (NaN, an infinity: a ratio with nothing to divide by, a figure that
 * could not be computed) is written as {@code null}, never as the string "NaN": a missing figure is
 * null, and the result's notes or {@code docs/cli.md} say when that happens.
 */
public final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .registerModule(new SimpleModule("finite numbers")
                    .addSerializer(Double.class, new FiniteSerializer())
                    .addSerializer(double.class, new FiniteSerializer()))
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    /** Writes a double as a number, or null when it is not finite. */
    private static final class FiniteSerializer extends StdSerializer<Double> {
        FiniteSerializer() {
            super(Double.class);
        }

        @Override
        public void serialize(Double value, JsonGenerator out, SerializerProvider provider) throws IOException {
            if (value == null || !Double.isFinite(value)) {
                out.writeNull();
            } else {
                out.writeNumber(value);
            }
        }
    }

    private Json() {}

    /** The value as indented JSON. */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A result could not be written as JSON: " + e.getOriginalMessage(), e);
        }
    }
}
