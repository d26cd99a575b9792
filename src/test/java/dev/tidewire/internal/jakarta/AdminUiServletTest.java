package dev.tidewire.internal.jakarta;

import dev.tidewire.internal.admin.AdminUiFiles;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Admin UI's servlet over the built files: the page, a 304, a 404, and the redirect to the trailing slash. */
class AdminUiServletTest {
    private final AdminUiServlet servlet;

    AdminUiServletTest() throws IOException {
        servlet = new AdminUiServlet(AdminUiFiles.load());
    }

    @Test
    void theRootServesThePage() throws IOException {
        Answer answer = get("/", Map.of());
        assertEquals(200, answer.status);
        assertEquals("text/html; charset=utf-8", answer.contentType);
        assertTrue(answer.body().contains("Socket.IO Admin UI"), answer.body());
        assertEquals(answer.body.size(), answer.contentLength);
    }

    @Test
    void theVersionsEntityTagGivesNotModified() throws IOException {
        String etag = get("/", Map.of()).headers.get("ETag");
        Answer again = get("/", Map.of("If-None-Match", etag));
        assertEquals(304, again.status);
        assertEquals(0, again.body.size());
    }

    @Test
    void anythingElseIsNotFound() throws IOException {
        assertEquals(404, get("/../WEB-INF/web.xml", Map.of()).error);
        assertEquals(404, get("/admin-ui.properties", Map.of()).error, "the build's index is not a UI file");
    }

    @Test
    void theBarePathRedirectsToTheTrailingSlash() throws IOException {
        assertEquals("/shop/admin-ui/", get(null, Map.of()).redirect);
    }

    private Answer get(String pathInfo, Map<String, String> headers) throws IOException {
        HttpServletRequest req = (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getPathInfo" -> pathInfo;
                    case "getContextPath" -> "/shop";
                    case "getServletPath" -> "/admin-ui";
                    case "getHeader" -> headers.get((String) args[0]);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        Answer answer = new Answer();
        HttpServletResponse resp = (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "setStatus" -> answer.status = (Integer) args[0];
                        case "setHeader" -> answer.headers.put((String) args[0], (String) args[1]);
                        case "setContentType" -> answer.contentType = (String) args[0];
                        case "setContentLength" -> answer.contentLength = (Integer) args[0];
                        case "sendError" -> answer.error = (Integer) args[0];
                        case "sendRedirect" -> answer.redirect = (String) args[0];
                        case "getOutputStream" -> {
                            return answer.stream();
                        }
                        default -> throw new UnsupportedOperationException(method.getName());
                    }
                    return null;
                });
        servlet.doGet(req, resp);
        return answer;
    }

    /** What the servlet wrote. */
    private static final class Answer {
        int status = -1;
        int error = -1;
        int contentLength = -1;
        String contentType;
        String redirect;
        final Map<String, String> headers = new HashMap<>();
        final ByteArrayOutputStream body = new ByteArrayOutputStream();

        String body() {
            return body.toString(StandardCharsets.UTF_8);
        }

        ServletOutputStream stream() {
            return new ServletOutputStream() {
                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(WriteListener listener) {
                }

                @Override
                public void write(int b) {
                    body.write(b);
                }
            };
        }
    }
}
