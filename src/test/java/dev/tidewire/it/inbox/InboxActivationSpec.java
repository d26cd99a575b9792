package dev.tidewire.it.inbox;

import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.InvalidPropertyException;
import jakarta.resource.spi.ResourceAdapter;

/** The activation of one message-driven bean; it has no properties of its own. */
public class InboxActivationSpec implements ActivationSpec {
    private ResourceAdapter adapter;

    @Override
    public void validate() throws InvalidPropertyException {
        // nothing to validate
    }

    @Override
    public ResourceAdapter getResourceAdapter() {
        return adapter;
    }

    @Override
    public void setResourceAdapter(ResourceAdapter adapter) {
        this.adapter = adapter;
    }
}
