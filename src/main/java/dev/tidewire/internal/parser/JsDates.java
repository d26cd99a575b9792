package dev.tidewire.internal.parser;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Date;

/**
 * Date and time values as JSON strings. Instants ({@link Date}, {@link Instant}) use JavaScript's
 * {@code Date#toISOString} form ({@code 2024-01-02T03:04:05.678Z}: UTC, always milliseconds), which is what a Node
 * server sends for a {@code Date} and what {@code new Date(s)} reads back. Other temporal values have no JavaScript
 * twin and keep their own ISO-8601 text ({@code 2024-01-02}, {@code 2024-01-02T03:04:05+01:00}).
 */
final class JsDates {
    private JsDates() {
    }

    static String toJsonString(Object value) {
        if (value instanceof Date d) return isoInstant(d.getTime()); // getTime: java.sql.Date#toInstant throws
        if (value instanceof Instant i) return isoInstant(i.toEpochMilli());
        // ZonedDateTime#toString appends "[Region/City]", which is not ISO-8601
        if (value instanceof ZonedDateTime z) return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(z);
        return ((TemporalAccessor) value).toString();
    }

    /** {@code Date#toISOString}: years outside 0..9999 are written with a sign and six digits. */
    static String isoInstant(long epochMilli) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(Math.floorDiv(epochMilli, 1000L),
                (int) Math.floorMod(epochMilli, 1000L) * 1_000_000, ZoneOffset.UTC);
        StringBuilder sb = new StringBuilder(27);
        int year = t.getYear();
        if (year >= 0 && year <= 9999) {
            pad(sb, year, 4);
        } else {
            sb.append(year < 0 ? '-' : '+');
            pad(sb, Math.abs(year), 6);
        }
        sb.append('-');
        pad(sb, t.getMonthValue(), 2);
        sb.append('-');
        pad(sb, t.getDayOfMonth(), 2);
        sb.append('T');
        pad(sb, t.getHour(), 2);
        sb.append(':');
        pad(sb, t.getMinute(), 2);
        sb.append(':');
        pad(sb, t.getSecond(), 2);
        sb.append('.');
        pad(sb, t.getNano() / 1_000_000, 3);
        return sb.append('Z').toString();
    }

    private static void pad(StringBuilder sb, int value, int width) {
        String s = Integer.toString(value);
        for (int i = s.length(); i < width; i++) sb.append('0');
        sb.append(s);
    }
}
