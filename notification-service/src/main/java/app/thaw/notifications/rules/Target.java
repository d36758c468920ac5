package app.thaw.notifications.rules;

import java.util.Set;

import app.thaw.notifications.recipients.Channel;

/** One audience and the channels it is notified on. */
public record Target(Audience audience, Set<Channel> channels) {

    public Target {
        channels = Set.copyOf(channels);
    }
}
