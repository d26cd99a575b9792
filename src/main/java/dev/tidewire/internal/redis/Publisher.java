package dev.tidewire.internal.redis;

import java.util.concurrent.CompletionStage;

/** Where one namespace's messages go, and what happens when one does not get out. */
final class Publisher {
    private final RedisLink link;
    private final RedisChannels channels;
    private final boolean answerOnRequesterChannel;

    Publisher(RedisLink link, RedisChannels channels, RedisAdapterOptions options) {
        this.link = link;
        this.channels = channels;
        this.answerOnRequesterChannel = options.publishOnSpecificResponseChannel();
    }

    RedisChannels channels() {
        return channels;
    }

    /** Fire and forget: a failure is the log's business (once per incident), not the caller's. */
    void publish(String channel, byte[] message, String what) {
        link.publish(channel, message).whenComplete((nothing, error) -> {
            if (error != null) link.publishFailed(what, error);
        });
    }

    /**
     * Fire and forget, kept while Redis is unreachable and sent once it is back ({@link RedisLink#publishKept}); a
     * message dropped over the bound is the log's business.
     */
    void keep(String channel, byte[] message, String what) {
        link.publishKept(channel, message).whenComplete((nothing, error) -> {
            if (error != null) link.publishFailed(what, error);
        });
    }

    /** A message whose failure the caller reports (a request that can then fail at once). */
    CompletionStage<Void> send(String channel, byte[] message) {
        return link.publish(channel, message);
    }

    /** An answer to another node's request: on the shared response channel, or on the requester's own. */
    void answer(String requesterUid, byte[] message, String what) {
        boolean own = answerOnRequesterChannel && requesterUid != null;
        publish(own ? channels.responseTo(requesterUid) : channels.response(), message, what);
    }

    CompletionStage<Long> subscriberCount(String channel) {
        return link.subscriberCount(channel);
    }
}
