package app.thaw.shapesamples.controller.orders.web;

import app.thaw.shapesamples.controller.orders.internal.OrderStore;

/** Breaks the shape: a controller that sees its feature's store. */
class OrdersController {
    String get(String id) {
        return new OrderStore().load(id);
    }
}
