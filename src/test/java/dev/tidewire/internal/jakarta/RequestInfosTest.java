package dev.tidewire.internal.jakarta;

import dev.tidewire.internal.engine.FormDecoding;

import dev.tidewire.internal.engine.RequestInfo;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.security.Principal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The engine's view of a servlet request: query parsed as the reference parses it, header names in lower case, the
 * authenticated user.
 */
class RequestInfosTest {
    private static Map<String, List<String>> query(String qs) {
        return RequestInfos.parseQuery(qs);
    }

    @Test
    void repeatedKeysKeepEveryValueInOrder() {
        assertEquals(Map.of("a", List.of("1", "2", "3"), "b", List.of("x")), query("a=1&b=x&a=2&a=3"));
    }

    @Test
    void onlyTheFirstThousandPairsAreReadAsNodesQuerystring() {
        String qs = "k=v&".repeat(FormDecoding.MAX_PAIRS - 1) + "last=1&ignored=2";
        Map<String, List<String>> parsed = query(qs);
        assertEquals(FormDecoding.MAX_PAIRS - 1, parsed.get("k").size());
        assertEquals(List.of("1"), parsed.get("last"));
        assertNull(parsed.get("ignored"));
    }

    @Test
    void percentEscapesAreUtf8AndPlusIsASpace() {
        assertEquals(Map.of("name", List.of("José Ñ"), "q", List.of("a b+c")), query("name=Jos%C3%A9+%c3%91&q=a%20b%2Bc"));
        assertEquals(Map.of("key with space", List.of("=")), query("key+with%20space=%3D"));
    }

    @Test
    void emptyValuesKeysWithoutEqualsAndEmptyPairs() {
        assertEquals(Map.of("a", List.of(""), "b", List.of(""), "", List.of("v")), query("a=&&b&=v&"));
        assertEquals(Map.of(), query(""));
        assertEquals(Map.of(), query(null));
        assertEquals(Map.of("t", List.of("a=b")), query("t=a=b"), "only the first = splits");
    }

    @Test
    void malformedEscapesAreKeptAsSentAndTheRestIsStillDecoded() {
        assertEquals(Map.of("a", List.of("%zz"), "b", List.of("100%"), "c", List.of("A%zzB%4")),
                query("a=%zz&b=100%&c=%41%zz%42%4"));
    }

    @Test
    void aBadUtf8SequenceBecomesTheReplacementCharacter() {
        assertEquals(Map.of("a", List.of("x\uFFFDy")), query("a=x%FFy"));
    }

    @Test
    void nonAsciiDigitsAreNoHexDigits() {
        assertEquals("%\u0663\u0663", RequestInfos.decode("%\u0663\u0663")); // Arabic-Indic three
    }

    @Test
    void headerNamesAreLowerCasedAndMergedAndTheUrlKeepsTheQuery() {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Content-Type", List.of("text/plain"));
        headers.put("X-Custom-Thing", List.of("1"));
        headers.put("x-custom-thing", List.of("2"));
        RequestInfo info = RequestInfos.from(request(headers, "EIO=4&transport=polling", null));
        assertEquals(Map.of("content-type", List.of("text/plain"), "x-custom-thing", List.of("1", "2")), info.headers());
        assertEquals("polling", info.queryParam("transport"));
        assertEquals("/socket.io/?EIO=4&transport=polling", info.url());
        assertEquals("203.0.113.9", info.remoteAddress());
        assertTrue(info.secure());
        assertNull(info.principal(), "no user authenticated");
    }

    @Test
    void theAuthenticatedUserOfTheRequestIsKept() {
        Principal alice = () -> "alice";
        RequestInfo info = RequestInfos.from(request(Map.of(), "EIO=4&transport=websocket", alice));
        assertSame(alice, info.principal());
    }

    private static HttpServletRequest request(Map<String, List<String>> headers, String queryString,
                                              Principal user) {
        return (HttpServletRequest) Proxy.newProxyInstance(RequestInfosTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getHeaderNames" -> Collections.enumeration(headers.keySet());
                    case "getHeaders" -> Collections.enumeration(headers.get((String) args[0]));
                    case "getQueryString" -> queryString;
                    case "getRequestURI" -> "/socket.io/";
                    case "getRemoteAddr" -> "203.0.113.9";
                    case "isSecure" -> true;
                    case "getUserPrincipal" -> user;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
