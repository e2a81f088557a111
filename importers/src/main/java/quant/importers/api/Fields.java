package quant.importers.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/** Vendor JSON values as the text the import reads: plain numbers, ISO dates, nothing for null. */
public final class Fields {
    private Fields() {}

    /** A value as text: null or missing as null, numbers without exponent, objects as their JSON. */
    public static String text(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isNumber()) {
            return node.decimalValue().toPlainString();
        }
        if (node.isValueNode()) {
            String s = node.asText();
            return s.isEmpty() ? null : s;
        }
        return node.toString();
    }

    /** A field of an object, as text. */
    public static String text(JsonNode object, String field) {
        return object == null ? null : text(object.get(field));
    }

    /**
     * An instant written as ISO-8601 ({@code 2025-01-02T10:00:00.123Z}), as milliseconds since 1970 (a
     * string of digits, as HubSpot writes some), or null.
     *
     * @throws IllegalArgumentException when it is neither (the record is then rejected with its field)
     */
    public static Instant instant(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.chars().allMatch(Character::isDigit)) {
            return Instant.ofEpochMilli(Long.parseLong(v));
        }
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(v).atStartOfDay(ZoneId.systemDefault()).toInstant();
            } catch (DateTimeParseException e2) {
                throw new IllegalArgumentException("\"" + v + "\" is not a date and time");
            }
        }
    }

    /** The company's calendar day of an instant (the machine's zone), as {@code yyyy-mm-dd}, or null. */
    public static String day(Instant at) {
        return at == null
                ? null
                : LocalDate.ofInstant(at, ZoneId.systemDefault()).toString();
    }

    /** The day of an ISO or epoch-milliseconds instant; a value that is neither is passed on as it is. */
    public static String day(String value) {
        try {
            return day(instant(value));
        } catch (IllegalArgumentException notAnInstant) {
            return value; // the import says, in one sentence, that this is not a date
        }
    }

    /** The day of seconds since 1970 (Stripe's timestamps), or null. */
    public static String dayOfEpochSeconds(JsonNode seconds) {
        return seconds == null || !seconds.canConvertToLong()
                ? text(seconds)
                : day(Instant.ofEpochSecond(seconds.asLong()));
    }

    /** An amount in the currency's minor unit (cents) as a decimal amount, or null. */
    public static String minorUnits(JsonNode amount, int decimals) {
        if (amount == null || amount.isNull() || amount.isMissingNode()) {
            return null;
        }
        if (!amount.isIntegralNumber()) {
            return text(amount); // the import rejects what is not a number, naming the field
        }
        return new BigDecimal(amount.bigIntegerValue(), decimals).toPlainString();
    }
}
