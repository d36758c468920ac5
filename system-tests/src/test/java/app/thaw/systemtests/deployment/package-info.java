/** The deployment shapes (Helm chart, compose, the runner's --scale) checked against one another. */
@NullMarked
package app.thaw.systemtests.deployment;

import org.jspecify.annotations.NullMarked;
