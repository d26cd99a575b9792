package dev.tidewire.demo.chat;

import static dev.tidewire.demo.Replies.failure;
import static dev.tidewire.demo.Replies.success;

import dev.tidewire.demo.DemoSettings;
import dev.tidewire.jakarta.OnConnect;
import dev.tidewire.jakarta.OnDisconnect;
import dev.tidewire.jakarta.OnEvent;
import dev.tidewire.jakarta.Settings;
import dev.tidewire.jakarta.SocketIoNamespace;
import dev.tidewire.server.BroadcastOperator;
import dev.tidewire.server.DisconnectReason;
import dev.tidewire.server.Namespace;
import dev.tidewire.server.Socket;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The chat demo on {@code /chat}, in the annotated style.
 *
 * <p>Client to server (each answered through the client's ack callback with {@code {ok:true,...}} or
 * {@code {ok:false,error}}): {@code login(nick, room?, token?)}, {@code join(room)}, {@code message(text)},
 * {@code private message(toNick, text)}; and {@code typing(boolean)}, which is not acknowledged.
 *
 * <p>Server to client: {@code users(count)} to everyone; {@code rooms([{name,count}])} to everyone;
 * {@code notice({room,kind:"join"|"leave",nick,time})}, {@code members({room,members})},
 * {@code message({id,room,from,text,time})} and, as volatile packets, {@code typing({room,nick,typing})} to a room;
 * {@code private message({id,from,to,text,time})} to one user (every tab of a signed-in one: a user whose request
 * the container authenticated is called by the user name); {@code chat error({code,message})} to the socket
 * whose action was refused for abuse (rate limit, length).
 */
@SocketIoNamespace(value = "/chat", enabledBy = DemoSettings.ENABLED)
public class ChatNamespace {
    static final String NICK = "chat.nick";
    static final String ROOM = "chat.room";
    static final String REPLACED = "chat.replaced";
    public static final String DEFAULT_ROOM = "lobby";

    private final NicknameRegistry nicknames = new NicknameRegistry();
    private final AtomicLong messageIds = new AtomicLong();
    /** Room changes and the member lists they announce happen in one order for everyone. */
    private final Object roomLock = new Object();
    private volatile RateLimiter limiter = new RateLimiter(10, 2);
    private final RateLimiter typingLimiter = new RateLimiter(20, 5);
    private volatile int maxMessageLength = 500;

    @Inject
    void configure(ServletContext context) {
        configure(new Settings(context));
    }

    /** Applies the {@code tidewire.demo.*} limits. */
    void configure(Settings settings) {
        maxMessageLength = settings.getInt(DemoSettings.MAX_MESSAGE_LENGTH, 500);
        limiter = new RateLimiter(settings.getInt(DemoSettings.RATE_BURST, 10),
                Double.parseDouble(settings.get(DemoSettings.RATE_PER_SECOND, "2")));
    }

    /** The socket id holding {@code nick}, or null (used by the test fixture's connection-drop hook). */
    public String socketOf(String nick) {
        return nicknames.socketOf(nick);
    }

    @OnConnect
    void connected(Socket socket) {
        socket.emit("users", nicknames.count());
        socket.emit("rooms", ChatRooms.directory(socket.namespace()));
    }

    @OnEvent("login")
    Map<String, Object> login(Socket socket, String nick, String room, String token) {
        if (!limiter.tryAcquire(socket.id())) return refuse(socket, "rate-limit", rateLimitText());
        // a signed-in user (the container's principal) is called by the user name, in every tab
        NicknameRegistry.Claim claim = socket.user()
                .map(user -> nicknames.claimAsUser(user.getName(), socket.id()))
                .orElseGet(() -> nicknames.claim(nick == null ? null : nick.strip(), socket.id(), token));
        if (claim instanceof NicknameRegistry.Refused refused) return failure(refused.reason());
        NicknameRegistry.Granted granted = (NicknameRegistry.Granted) claim;
        socket.data().put(NICK, granted.nick());
        Namespace ns = socket.namespace();
        if (granted.replacedSocketId() != null) {
            Socket stale = ns.sockets().get(granted.replacedSocketId());
            if (stale != null) {
                stale.data().put(REPLACED, Boolean.TRUE);
                stale.disconnect(true);
            }
        }
        String target = room == null || ChatRooms.validate(room) != null ? DEFAULT_ROOM : ChatRooms.normalize(room);
        enter(socket, target, granted.replacedSocketId() == null && !granted.anotherTab());
        ns.emit("users", nicknames.count());
        Map<String, Object> reply = success();
        reply.put("nick", granted.nick());
        reply.put("token", granted.token());
        reply.put("room", target);
        reply.put("members", ChatRooms.members(ns, target));
        reply.put("maxLength", maxMessageLength);
        return reply;
    }

    @OnEvent("join")
    Map<String, Object> join(Socket socket, String room) {
        if (nickOf(socket) == null) return failure("Please choose a nickname first.");
        if (!limiter.tryAcquire(socket.id())) return refuse(socket, "rate-limit", rateLimitText());
        String invalid = ChatRooms.validate(room);
        if (invalid != null) return failure(invalid);
        String target = ChatRooms.normalize(room);
        enter(socket, target, true);
        Map<String, Object> reply = success();
        reply.put("room", target);
        reply.put("members", ChatRooms.members(socket.namespace(), target));
        return reply;
    }

    @OnEvent("message")
    Map<String, Object> message(Socket socket, String text) {
        String nick = nickOf(socket);
        String room = (String) socket.data().get(ROOM);
        if (nick == null || room == null) return failure("Please choose a nickname first.");
        String refused = checkText(socket, text);
        if (refused != null) return failure(refused);
        Map<String, Object> msg = new LinkedHashMap<>();
        msg.put("id", messageIds.incrementAndGet());
        msg.put("room", room);
        msg.put("from", nick);
        msg.put("text", text);
        msg.put("time", System.currentTimeMillis());
        socket.to(ChatRooms.adapterRoom(room)).emit("message", msg);
        Map<String, Object> reply = success();
        reply.put("id", msg.get("id"));
        reply.put("time", msg.get("time"));
        return reply;
    }

    @OnEvent("private message")
    Map<String, Object> privateMessage(Socket socket, String to, String text) {
        String nick = nickOf(socket);
        if (nick == null) return failure("Please choose a nickname first.");
        String refused = checkText(socket, text);
        if (refused != null) return failure(refused);
        String targetId = nicknames.socketOf(to);
        if (targetId == null) return failure("Nobody called \"" + (to == null ? "" : to) + "\" is online.");
        String toNick = nicknames.nickOf(targetId);
        if (toNick.equals(nick)) return failure("That is you.");
        Map<String, Object> msg = new LinkedHashMap<>();
        msg.put("id", messageIds.incrementAndGet());
        msg.put("from", nick);
        msg.put("to", toNick);
        msg.put("text", text);
        msg.put("time", System.currentTimeMillis());
        String toUser = nicknames.userOf(toNick);
        // a signed-in user reads in every tab; a guest's socket id is a room of one
        BroadcastOperator recipients = toUser != null ? socket.namespace().toUser(toUser) : socket.to(targetId);
        recipients.emit("private message", msg);
        Map<String, Object> reply = success();
        reply.put("to", toNick);
        reply.put("id", msg.get("id"));
        reply.put("time", msg.get("time"));
        return reply;
    }

    @OnEvent("typing")
    void typing(Socket socket, Object typing) {
        String nick = nickOf(socket);
        String room = (String) socket.data().get(ROOM);
        if (nick == null || room == null || !typingLimiter.tryAcquire(socket.id())) return;
        socket.to(ChatRooms.adapterRoom(room)).asVolatile().emit("typing", typingState(room, nick, Boolean.TRUE.equals(typing)));
    }

    @OnDisconnect
    void disconnected(Socket socket, DisconnectReason reason) {
        limiter.forget(socket.id());
        typingLimiter.forget(socket.id());
        String nick = nicknames.release(socket.id());
        String room = (String) socket.data().get(ROOM);
        Namespace ns = socket.namespace();
        if (room != null && !Boolean.TRUE.equals(socket.data().get(REPLACED))) {
            synchronized (roomLock) { // the socket has left its rooms already
                String r = ChatRooms.adapterRoom(room);
                ns.to(r).emit("typing", typingState(room, (String) socket.data().get(NICK), false));
                ns.to(r).emit("notice", notice(room, "leave", (String) socket.data().get(NICK)));
                announceRoom(ns, room);
            }
        } else if (room != null) {
            synchronized (roomLock) {
                announceRoom(ns, room);
            }
        }
        if (nick != null) ns.emit("users", nicknames.count());
    }

    // ---------------------------------------------------------------- helpers

    /** Moves the socket into {@code room} (leaving its previous one) and tells both rooms. */
    private void enter(Socket socket, String room, boolean announce) {
        Namespace ns = socket.namespace();
        String nick = nickOf(socket);
        synchronized (roomLock) {
            String previous = (String) socket.data().get(ROOM);
            if (room.equals(previous)) return;
            if (previous != null) {
                socket.leave(ChatRooms.adapterRoom(previous));
                ns.to(ChatRooms.adapterRoom(previous)).emit("typing", typingState(previous, nick, false));
                ns.to(ChatRooms.adapterRoom(previous)).emit("notice", notice(previous, "leave", nick));
                ns.to(ChatRooms.adapterRoom(previous)).emit("members", membersOf(ns, previous));
            }
            socket.join(ChatRooms.adapterRoom(room));
            socket.data().put(ROOM, room);
            if (announce) ns.to(ChatRooms.adapterRoom(room)).emit("notice", notice(room, "join", nick));
            announceRoom(ns, room);
        }
    }

    private static void announceRoom(Namespace ns, String room) {
        ns.to(ChatRooms.adapterRoom(room)).emit("members", membersOf(ns, room));
        ns.emit("rooms", ChatRooms.directory(ns));
    }

    private static Map<String, Object> membersOf(Namespace ns, String room) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("room", room);
        m.put("members", ChatRooms.members(ns, room));
        return m;
    }

    /** Why a message text is refused (and a {@code chat error} sent for abuse), or null. */
    private String checkText(Socket socket, String text) {
        if (!limiter.tryAcquire(socket.id())) {
            socket.emit("chat error", error("rate-limit", rateLimitText()));
            return rateLimitText();
        }
        if (text == null || text.isBlank()) return "Empty messages are not sent.";
        if (text.length() > maxMessageLength) {
            String why = "Messages are limited to " + maxMessageLength + " characters.";
            socket.emit("chat error", error("too-long", why));
            return why;
        }
        return null;
    }

    private Map<String, Object> refuse(Socket socket, String code, String message) {
        socket.emit("chat error", error(code, message));
        return failure(message);
    }

    private static String rateLimitText() {
        return "You are sending too fast. Please wait a moment.";
    }

    private String nickOf(Socket socket) {
        return (String) socket.data().get(NICK);
    }

    private static Map<String, Object> notice(String room, String kind, String nick) {
        Map<String, Object> n = new LinkedHashMap<>();
        n.put("room", room);
        n.put("kind", kind);
        n.put("nick", nick);
        n.put("time", System.currentTimeMillis());
        return n;
    }

    private static Map<String, Object> typingState(String room, String nick, boolean typing) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("room", room);
        t.put("nick", nick);
        t.put("typing", typing);
        return t;
    }

    private static Map<String, Object> error(String code, String message) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("code", code);
        e.put("message", message);
        return e;
    }


}
