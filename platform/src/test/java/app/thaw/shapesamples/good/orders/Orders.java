package app.thaw.shapesamples.good.orders;

import app.thaw.shapesamples.good.orders.internal.OrderStore;

/** The orders feature's public API: what other features and its controllers call. */
public class Orders {
    private final OrderStore store = new OrderStore();

    public String find(String id) {
        return store.load(id);
    }
}
