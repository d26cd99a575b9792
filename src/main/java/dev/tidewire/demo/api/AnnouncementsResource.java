package dev.tidewire.demo.api;

import dev.tidewire.demo.DemoSettings;
import dev.tidewire.demo.chat.ChatRooms;
import dev.tidewire.jakarta.Settings;
import dev.tidewire.server.BroadcastOperator;
import dev.tidewire.server.SocketIoServer;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code POST /api/announcements[?room=R | ?user=U]} with a plain-text body: an {@code announcement({text, room?,
 * user?, time})} to every chat client, to one room's, or to every chat tab of one signed-in user. The emit is held until the resource's transaction commits, as it would be
 * next to a database write; try {@code curl -d 'Back in 5' http://localhost:8080/api/announcements}.
 */
@Path("/announcements")
@RequestScoped
public class AnnouncementsResource {
    @Inject
    SocketIoServer io;
    @Inject
    ServletContext context;

    @POST
    @Consumes(MediaType.TEXT_PLAIN)
    @Transactional
    public void announce(String text, @QueryParam("room") String room, @QueryParam("user") String user) {
        Settings settings = new Settings(context);
        if (!DemoSettings.enabled(settings)) throw new NotFoundException();
        int max = settings.getInt(DemoSettings.MAX_MESSAGE_LENGTH, 500);
        if (text == null || text.isBlank() || text.length() > max) {
            throw new BadRequestException("an announcement has 1 to " + max + " characters");
        }
        boolean toRoom = room != null && !room.isBlank();
        boolean toUser = user != null && !user.isBlank();
        if (toRoom && toUser) throw new BadRequestException("an announcement goes to a room or to a user, not both");
        if (toRoom && ChatRooms.validate(room) != null) throw new BadRequestException(ChatRooms.validate(room));
        Map<String, Object> announcement = new LinkedHashMap<>();
        announcement.put("text", text.strip());
        if (toRoom) announcement.put("room", ChatRooms.normalize(room));
        if (toUser) announcement.put("user", user);
        announcement.put("time", Instant.now().toString());
        BroadcastOperator chat = io.of("/chat").afterCommit();
        if (toRoom) chat = chat.to(ChatRooms.adapterRoom(ChatRooms.normalize(room)));
        if (toUser) chat = chat.toUser(user); // every chat tab of a signed-in user
        chat.emit("announcement", announcement);
    }
}
