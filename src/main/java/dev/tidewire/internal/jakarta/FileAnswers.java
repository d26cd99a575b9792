package dev.tidewire.internal.jakarta;

import dev.tidewire.internal.engine.HttpResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * A set of static files that decides its own HTTP answers (the client bundle, the Admin UI's page), and how a servlet
 * writes them.
 */
@FunctionalInterface
interface FileAnswers {
    /** The answer for the file {@code name}, given the request's validators and codings; null when there is none. */
    HttpResponse respond(String name, String ifNoneMatch, String acceptEncoding);

    /** Writes the answer for {@code name}, or 404 when there is no such file. */
    default void write(String name, HttpServletRequest req, HttpServletResponse resp) throws IOException {
        HttpResponse answer = respond(name, req.getHeader("If-None-Match"), req.getHeader("Accept-Encoding"));
        if (answer == null) {
            resp.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        resp.setStatus(answer.status());
        answer.headers().forEach(resp::setHeader);
        if (answer.contentType() != null) resp.setContentType(answer.contentType());
        if (answer.body().length > 0) {
            resp.setContentLength(answer.body().length);
            resp.getOutputStream().write(answer.body());
        }
    }
}
