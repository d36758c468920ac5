/** How alerts are stored: documents, the unique open key, versioned writes carrying the raised event. */
@NullMarked
package app.thaw.monitor.alerts.internal;

import org.jspecify.annotations.NullMarked;
