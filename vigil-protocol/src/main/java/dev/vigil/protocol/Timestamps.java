package dev.vigil.protocol;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Timestamp formats of the AWS protocols (epoch seconds, ISO 8601, RFC 822). Stateless. */
public final class Timestamps {
    private static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(java.time.ZoneOffset.UTC);

    private Timestamps() {}

    /** Instant.MAX's epoch second: anything larger is not a time. */
    private static final BigDecimal MAX_EPOCH_SECONDS = BigDecimal.valueOf(Instant.MAX.getEpochSecond());

    /** @throws ArithmeticException when the value is not a representable instant (callers word the error) */
    public static Instant fromEpochSeconds(BigDecimal seconds) {
        // compareTo looks at the exponent first, so 1e100000000 is refused without being expanded.
        if (seconds.abs().compareTo(MAX_EPOCH_SECONDS) > 0) throw new ArithmeticException("timestamp out of range");
        BigDecimal millis = seconds.movePointRight(3).setScale(0, RoundingMode.HALF_UP);
        return Instant.ofEpochMilli(millis.longValueExact());
    }

    /** Epoch seconds with millisecond precision, as AWS's JSON protocols write them. */
    public static BigDecimal toEpochSeconds(Instant i) {
        BigDecimal d = BigDecimal.valueOf(i.toEpochMilli(), 3).stripTrailingZeros();
        // Whole seconds would otherwise print as 1.7959968E+9.
        return d.scale() < 0 ? d.setScale(0) : d;
    }

    public static String iso(Instant i) { return ISO_MILLIS.format(i); }

    public static String rfc822(Instant i) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(i.atZone(java.time.ZoneOffset.UTC));
    }

    /** ISO 8601 (with or without fraction/offset), RFC 822, or epoch seconds; null when none fits. */
    public static Instant parseLenient(String s) {
        if (s == null || s.isEmpty()) return null;
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException ignored) {
            // try the next form
        }
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException ignored) {
            // try the next form
        }
        try {
            return java.time.LocalDateTime.parse(s).toInstant(java.time.ZoneOffset.UTC);
        } catch (DateTimeParseException ignored) {
            // try the next form
        }
        try {
            return ZonedDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException ignored) {
            // try the next form
        }
        try {
            return fromEpochSeconds(new BigDecimal(s));
        } catch (NumberFormatException | ArithmeticException | java.time.DateTimeException e) {
            return null;
        }
    }
}
