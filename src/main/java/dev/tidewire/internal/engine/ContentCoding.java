package dev.tidewire.internal.engine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The HTTP content codings of the server's answers, and the one choice among them by {@code Accept-Encoding} that both
 * the client bundle and polling responses use, as the reference makes it ({@code accepts(req).encodings(...)}, with
 * {@code ["br", "gzip", "deflate"]} for the bundle and {@code ["gzip", "deflate"]} for polling): highest q-value first,
 * an exact coding before {@code *}, then the header's order, then the server's order. Brotli is left out (the JDK has
 * no encoder), so a client that prefers {@code br} gets its next acceptable coding; both lists then agree.
 */
public enum ContentCoding {
    IDENTITY(null), GZIP("gzip"), DEFLATE("deflate");

    private static final ContentCoding[] OFFERED = {GZIP, DEFLATE};

    private final String token;

    ContentCoding(String token) {
        this.token = token;
    }

    /** The {@code Content-Encoding} value, or null for identity. */
    public String token() {
        return token;
    }

    /** The coding to answer with; {@link #IDENTITY} when the header is absent or accepts none of ours. */
    public static ContentCoding negotiate(String acceptEncoding) {
        if (acceptEncoding == null || acceptEncoding.isBlank()) return IDENTITY;
        String[] specs = acceptEncoding.split(",");
        ContentCoding best = IDENTITY;
        double bestQ = 0;
        int bestS = -1;
        int bestO = Integer.MAX_VALUE;
        for (ContentCoding coding : OFFERED) {
            // the spec that governs this coding: the most specific, then the highest q, then the last one
            double q = 0;
            int s = -1;
            int o = -1;
            for (int i = 0; i < specs.length; i++) {
                String spec = specs[i].trim();
                if (spec.isEmpty()) continue;
                int semi = spec.indexOf(';');
                String name = (semi < 0 ? spec : spec.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
                int specS;
                if (name.equals(coding.token)) specS = 1;
                else if (name.equals("*")) specS = 0;
                else continue;
                double specQ = semi < 0 ? 1 : quality(spec.substring(semi + 1));
                if (specS > s || (specS == s && (specQ > q || (specQ == q && i > o)))) {
                    s = specS;
                    q = specQ;
                    o = i;
                }
            }
            if (s < 0 || q <= 0) continue;
            if (q > bestQ || (q == bestQ && (s > bestS || (s == bestS && o < bestO)))) {
                best = coding;
                bestQ = q;
                bestS = s;
                bestO = o;
            }
        }
        return best;
    }

    private static double quality(String params) {
        for (String param : params.split(";")) {
            int eq = param.indexOf('=');
            if (eq < 0 || !param.substring(0, eq).trim().equalsIgnoreCase("q")) continue;
            try {
                double q = Double.parseDouble(param.substring(eq + 1).trim());
                return q >= 0 && q <= 1 ? q : 0;
            } catch (NumberFormatException e) {
                return 0;
            }
        }
        return 1;
    }

    /** The data in this coding (a new array; identity returns the argument itself). */
    public byte[] encode(byte[] data) {
        if (this == IDENTITY) return data;
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 3 + 64);
        try (DeflaterOutputStream z = this == GZIP ? new GZIPOutputStream(out) : new DeflaterOutputStream(out)) {
            z.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
