package dev.tidewire.it;

import dev.tidewire.it.inbox.Inbox;
import dev.tidewire.it.inbox.InboxResourceAdapter;
import io.socket.client.Socket;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.ResourceAdapterArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code @Inject SocketIoServer} in a message-driven bean, the same check on both servers: a minimal inbound resource
 * adapter ({@link InboxResourceAdapter}, the RAR) and the conformance WAR with the MDB {@link InboxRelay} bound to it.
 * A message posted to the adapter's inbox is delivered to the MDB on a container work thread, and the MDB's emit
 * reaches a client in the room. Each server deploys the two its own way and binds the MDB in its own descriptor.
 */
final class MessageDrivenBeans {
    static final String RAR = "inbox";

    private MessageDrivenBeans() {
    }

    static ResourceAdapterArchive resourceAdapter() {
        return ShrinkWrap.create(ResourceAdapterArchive.class, RAR + ".rar")
                .addAsLibrary(ShrinkWrap.create(JavaArchive.class, "inbox.jar").addPackage(Inbox.class.getPackage()))
                .setResourceAdapterXML(new StringAsset("""
                        <connector xmlns="https://jakarta.ee/xml/ns/jakartaee" version="2.1">
                          <vendor-name>Tidewire tests</vendor-name>
                          <eis-type>in-memory inbox</eis-type>
                          <resourceadapter-version>1.0</resourceadapter-version>
                          <resourceadapter>
                            <resourceadapter-class>dev.tidewire.it.inbox.InboxResourceAdapter</resourceadapter-class>
                            <inbound-resourceadapter>
                              <messageadapter>
                                <messagelistener>
                                  <messagelistener-type>dev.tidewire.it.inbox.InboxListener</messagelistener-type>
                                  <activationspec>
                                    <activationspec-class>dev.tidewire.it.inbox.InboxActivationSpec</activationspec-class>
                                  </activationspec>
                                </messagelistener>
                              </messageadapter>
                            </inbound-resourceadapter>
                          </resourceadapter>
                        </connector>
                        """));
    }

    /** The conformance WAR with the MDB and the servlet that posts to the inbox; the binding is the server's. */
    static WebArchive relayWar() {
        return Deployments.conformanceWar().addClasses(InboxRelay.class, InboxServlet.class);
    }

    static void aMessageDrivenBeanEmitsToARoom(JavaClients clients, URL app) throws Exception {
        Socket s = clients.connected("/interop", "auth");
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        s.on("inbox", args -> received.add(String.valueOf(args[0])));
        assertTrue(JavaClients.emitWithAck(s, "join", InboxRelay.ROOM)[0].toString().contains(InboxRelay.ROOM));

        assertEquals(202, post(app, "first").statusCode());
        assertEquals(202, post(app, "second").statusCode());
        // one work thread delivers in order, and one client's packets arrive in order
        assertEquals("first", received.poll(10, TimeUnit.SECONDS));
        assertEquals("second", received.poll(10, TimeUnit.SECONDS));
    }

    private static HttpResponse<String> post(URL app, String text) {
        return Eio.send(HttpRequest.newBuilder(new Eio(app).at("fixture/inbox?text=" + text))
                .timeout(Eio.WAIT).POST(HttpRequest.BodyPublishers.noBody()).build());
    }
}
