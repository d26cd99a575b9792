package dev.tidewire.it;

import dev.tidewire.it.inbox.Inbox;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** {@code POST /fixture/inbox?text=…} posts a message to the test resource adapter's inbox (202), or 503 when full. */
@WebServlet("/fixture/inbox")
public class InboxServlet extends HttpServlet {
    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) {
        String text = request.getParameter("text");
        if (text == null) {
            response.setStatus(400);
            return;
        }
        response.setStatus(Inbox.post(text) ? 202 : 503);
    }
}
