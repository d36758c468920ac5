package app.thaw.shapesamples.reach.billing;

import app.thaw.shapesamples.reach.orders.internal.OrderStore;

/** Breaks the shape: reaches past orders' API into its store. */
public class Billing {
    public String bill(String id) {
        return new OrderStore().load(id);
    }
}
