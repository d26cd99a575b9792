package dev.tidewire.it.inbox;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import jakarta.resource.spi.work.Work;
import jakarta.resource.spi.work.WorkException;
import jakarta.resource.spi.work.WorkManager;

import javax.transaction.xa.XAResource;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A minimal inbound Jakarta Connectors resource adapter for the MDB test: for each activated endpoint it runs a work
 * item on the container's work manager that takes messages off the {@link Inbox} and delivers each through a message
 * endpoint the container created, exactly as a JMS adapter delivers to an MDB.
 */
public class InboxResourceAdapter implements ResourceAdapter {
    private static final Logger LOG = Logger.getLogger(InboxResourceAdapter.class.getName());

    private final Map<MessageEndpointFactory, Delivery> deliveries = new ConcurrentHashMap<>();
    private WorkManager workManager;

    @Override
    public void start(BootstrapContext context) {
        workManager = context.getWorkManager();
    }

    @Override
    public void stop() {
        deliveries.values().forEach(Delivery::release);
        deliveries.clear();
    }

    @Override
    public void endpointActivation(MessageEndpointFactory factory, ActivationSpec spec) throws ResourceException {
        Delivery delivery = new Delivery(factory);
        deliveries.put(factory, delivery);
        try {
            workManager.scheduleWork(delivery);
        } catch (WorkException e) {
            deliveries.remove(factory);
            throw e;
        }
    }

    @Override
    public void endpointDeactivation(MessageEndpointFactory factory, ActivationSpec spec) {
        Delivery delivery = deliveries.remove(factory);
        if (delivery != null) delivery.release();
    }

    @Override
    public XAResource[] getXAResources(ActivationSpec[] specs) {
        return new XAResource[0];
    }

    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    /** Takes messages off the inbox until released; polls so that a release is seen within a second. */
    private static final class Delivery implements Work {
        private final MessageEndpointFactory factory;
        private volatile boolean released;

        Delivery(MessageEndpointFactory factory) {
            this.factory = factory;
        }

        @Override
        public void run() {
            while (!released) {
                String text;
                try {
                    text = Inbox.messages().poll(1, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                if (text != null) deliver(text);
            }
        }

        private void deliver(String text) {
            MessageEndpoint endpoint = null;
            try {
                endpoint = factory.createEndpoint(null);
                ((InboxListener) endpoint).onMessage(text);
            } catch (Exception e) {
                LOG.log(Level.WARNING, "delivery of an inbox message failed", e);
            } finally {
                if (endpoint != null) endpoint.release();
            }
        }

        @Override
        public void release() {
            released = true;
        }
    }
}
