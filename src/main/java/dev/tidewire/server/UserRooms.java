package dev.tidewire.server;

/**
 * A user is a room per principal name: {@code "~user:" + name}, joined by each of the user's sockets when its
 * connection is accepted. Adapters thus carry users as they carry any room, with no user concept of their own. Room
 * names starting with {@code ~} are reserved for such library rooms; application code may not join, leave or target
 * them by name, so a client that sends a room name (a chat, say) can never get into another user's room.
 */
final class UserRooms {
    /** The first character of every reserved room name. */
    static final char RESERVED = '~';
    static final String PREFIX = RESERVED + "user:";

    private UserRooms() {
    }

    /** The room of the user named {@code name}. */
    static String roomOf(String name) {
        if (name == null || name.isEmpty()) throw new IllegalArgumentException("a user name must not be empty");
        return PREFIX.concat(name);
    }

    /** The rooms of these users. */
    static String[] roomsOf(String... names) {
        String[] rooms = new String[names.length];
        for (int i = 0; i < names.length; i++) rooms[i] = roomOf(names[i]);
        return rooms;
    }

    /** The rooms of users to target: at least one, as an operator with no room targets every socket. */
    static String[] targetRoomsOf(String... names) {
        if (names.length == 0) {
            throw new IllegalArgumentException("toUser needs at least one user name (with none it would reach everyone)");
        }
        return roomsOf(names);
    }

    /** Refuses room names an application may not use; a character check, as it runs on every join and broadcast. */
    static void checkApplicationRooms(String... rooms) {
        for (String room : rooms) checkApplicationRoom(room);
    }

    static boolean isReserved(String room) {
        return !room.isEmpty() && room.charAt(0) == RESERVED;
    }

    static void checkApplicationRoom(String room) {
        if (isReserved(room)) {
            throw new IllegalArgumentException("room \"" + room + "\" is reserved: names starting with '" + RESERVED
                    + "' belong to Tidewire (a user's room is reached with toUser)");
        }
    }
}
