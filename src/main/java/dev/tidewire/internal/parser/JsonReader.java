package dev.tidewire.internal.parser;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict RFC 8259 parser from text to the plain Java tree: {@code LinkedHashMap<String,Object>} (key order kept;
 * a repeated key keeps its first position and its last value, as in {@code JSON.parse}), {@code ArrayList<Object>},
 * String, Long (integral values that fit a long, {@code 1.0} included) or Double, Boolean and null. The containers
 * are mutable so the decoder can put binary attachments in place of their placeholders.
 *
 * <p>Strict because it reads untrusted client input: no NaN/Infinity literals, leading zeros, unescaped control
 * characters, comments, trailing commas or trailing characters; nesting is bounded so a hostile payload cannot
 * exhaust the stack.
 */
public final class JsonReader {
    private final String text;
    private final int maxDepth;
    private int pos;

    private JsonReader(String text, int start, int maxDepth) {
        this.text = text;
        this.pos = start;
        this.maxDepth = maxDepth;
    }

    /** Parses all of {@code text}; arrays and objects may nest at most {@code maxDepth} levels. */
    public static Object parse(String text, int maxDepth) throws SioParseException {
        return parse(text, 0, maxDepth);
    }

    /** Parses {@code text} from {@code start} to its end, without copying the substring. */
    public static Object parse(String text, int start, int maxDepth) throws SioParseException {
        JsonReader reader = new JsonReader(text, start, maxDepth);
        reader.skipWhitespace();
        Object value = reader.readValue(0);
        reader.skipWhitespace();
        if (reader.pos < text.length()) throw reader.error("unexpected character after the JSON value");
        return value;
    }

    private Object readValue(int depth) throws SioParseException {
        if (pos >= text.length()) throw error("unexpected end of input, expected a value");
        char c = text.charAt(pos);
        return switch (c) {
            case '"' -> readString();
            case '{' -> readObject(depth + 1);
            case '[' -> readArray(depth + 1);
            case 't' -> readLiteral("true", Boolean.TRUE);
            case 'f' -> readLiteral("false", Boolean.FALSE);
            case 'n' -> readLiteral("null", null);
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) yield readNumber();
                throw error("unexpected character, expected a value");
            }
        };
    }

    private Map<String, Object> readObject(int depth) throws SioParseException {
        checkDepth(depth);
        pos++; // '{'
        Map<String, Object> map = new LinkedHashMap<>();
        skipWhitespace();
        if (peek() == '}') {
            pos++;
            return map;
        }
        while (true) {
            if (peek() != '"') throw error("expected a string key");
            String key = readString();
            skipWhitespace();
            if (peek() != ':') throw error("expected ':' after an object key");
            pos++;
            skipWhitespace();
            map.put(key, readValue(depth));
            skipWhitespace();
            char c = peek();
            pos++;
            if (c == '}') return map;
            if (c != ',') {
                pos--;
                throw error("expected ',' or '}' in an object");
            }
            skipWhitespace();
        }
    }

    private List<Object> readArray(int depth) throws SioParseException {
        checkDepth(depth);
        pos++; // '['
        List<Object> list = new ArrayList<>();
        skipWhitespace();
        if (peek() == ']') {
            pos++;
            return list;
        }
        while (true) {
            list.add(readValue(depth));
            skipWhitespace();
            char c = peek();
            pos++;
            if (c == ']') return list;
            if (c != ',') {
                pos--;
                throw error("expected ',' or ']' in an array");
            }
            skipWhitespace();
        }
    }

    private String readString() throws SioParseException {
        int start = ++pos; // after the opening quote
        int len = text.length();
        // fast path: no escapes, the result is a plain substring
        for (int i = start; i < len; i++) {
            char c = text.charAt(i);
            if (c == '"') {
                pos = i + 1;
                return text.substring(start, i);
            }
            if (c == '\\' || c < 0x20) {
                pos = i;
                return readEscapedString(new StringBuilder(i - start + 16).append(text, start, i));
            }
        }
        pos = len;
        throw error("unterminated string");
    }

    private String readEscapedString(StringBuilder sb) throws SioParseException {
        int len = text.length();
        while (pos < len) {
            char c = text.charAt(pos);
            if (c == '"') {
                pos++;
                return sb.toString();
            }
            if (c < 0x20) throw error("unescaped control character in a string");
            if (c != '\\') {
                sb.append(c);
                pos++;
                continue;
            }
            if (++pos >= len) break;
            char e = text.charAt(pos++);
            switch (e) {
                case '"' -> sb.append('"');
                case '\\' -> sb.append('\\');
                case '/' -> sb.append('/');
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                // a surrogate pair arrives as two escapes and joins up in the UTF-16 string by itself
                case 'u' -> sb.append(readHex4());
                default -> {
                    pos -= 2;
                    throw error("invalid escape sequence");
                }
            }
        }
        throw error("unterminated string");
    }

    private char readHex4() throws SioParseException {
        if (pos + 4 > text.length()) throw error("truncated \\u escape");
        int value = 0;
        for (int i = 0; i < 4; i++) {
            int digit = hexDigit(text.charAt(pos));
            if (digit < 0) throw error("invalid hex digit in a \\u escape");
            value = value << 4 | digit;
            pos++;
        }
        return (char) value;
    }

    /** ASCII only: {@link Character#digit} also takes other scripts' digits and fullwidth letters. */
    private static int hexDigit(char c) {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    }

    private Object readNumber() throws SioParseException {
        int start = pos;
        if (peek() == '-') pos++;
        if (peek() == '0') {
            pos++;
            if (isDigit(peek())) throw error("leading zeros are not allowed");
        } else if (isDigit(peek())) {
            while (isDigit(peek())) pos++;
        } else {
            throw error("expected a digit");
        }
        boolean integral = true;
        if (peek() == '.') {
            integral = false;
            pos++;
            if (!isDigit(peek())) throw error("expected a digit after the decimal point");
            while (isDigit(peek())) pos++;
        }
        char c = peek();
        if (c == 'e' || c == 'E') {
            integral = false;
            pos++;
            c = peek();
            if (c == '+' || c == '-') pos++;
            if (!isDigit(peek())) throw error("expected a digit in the exponent");
            while (isDigit(peek())) pos++;
        }
        int digits = pos - start - (text.charAt(start) == '-' ? 1 : 0);
        if (integral && digits <= 18) return parseSmallLong(start); // cannot overflow: the common case
        if (integral) {
            try {
                return Long.parseLong(text, start, pos, 10);
            } catch (NumberFormatException tooBig) {
                return Double.parseDouble(text.substring(start, pos));
            }
        }
        return JsNumbers.jsNumber(Double.parseDouble(text.substring(start, pos)));
    }

    private Long parseSmallLong(int start) {
        int i = start;
        boolean negative = text.charAt(i) == '-';
        if (negative) i++;
        long value = 0;
        for (; i < pos; i++) value = value * 10 + (text.charAt(i) - '0');
        return negative ? -value : value;
    }

    private Object readLiteral(String literal, Object value) throws SioParseException {
        if (!text.startsWith(literal, pos)) throw error("invalid literal, expected " + literal);
        pos += literal.length();
        return value;
    }

    private void checkDepth(int depth) throws SioParseException {
        if (depth > maxDepth) throw error("JSON nested deeper than " + maxDepth + " levels");
    }

    private void skipWhitespace() {
        int len = text.length();
        while (pos < len) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return;
            pos++;
        }
    }

    /** The current character, or NUL at the end (never valid where a peek matters). */
    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private SioParseException error(String what) {
        String near = pos < text.length() ? " near '" + text.charAt(pos) + "'" : "";
        return new SioParseException("invalid JSON at offset " + pos + near + ": " + what);
    }
}
