package app.thaw.notifications.recipients.internal;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import app.thaw.notifications.recipients.Channel;
import app.thaw.notifications.recipients.Language;
import app.thaw.notifications.recipients.QuietHours;
import app.thaw.notifications.recipients.Recipient;
import app.thaw.notifications.recipients.RecipientId;
import app.thaw.notifications.recipients.RecipientKind;
import org.bson.Document;

/** Maps recipients to and from their stored documents (collection {@code recipients}). */
public final class RecipientDocuments {

    public static final String COLLECTION = "recipients";

    private RecipientDocuments() {}

    public static Document toDocument(Recipient recipient) {
        Document document = new Document("_id", recipient.id().value())
                .append("tenantId", recipient.tenantId())
                .append("kind", recipient.kind().name())
                .append("name", recipient.name())
                .append("userId", recipient.userId())
                .append("roles", List.copyOf(recipient.roles()))
                .append("email", recipient.email())
                .append("phone", recipient.phone())
                .append(
                        "channels",
                        recipient.channels().stream()
                                .map(Channel::name)
                                .sorted()
                                .toList())
                .append("language", recipient.language().tag())
                .append("timeZone", recipient.timeZone().getId())
                .append("version", recipient.version());
        QuietHours quiet = recipient.quietHours();
        document.append(
                "quietHours",
                quiet == null
                        ? null
                        : new Document("start", quiet.start().toString())
                                .append("end", quiet.end().toString()));
        return document;
    }

    public static Recipient fromDocument(Document document) {
        Document quiet = document.get("quietHours", Document.class);
        Set<Channel> channels = new HashSet<>();
        for (String channel : document.getList("channels", String.class, List.of())) {
            channels.add(Channel.valueOf(channel));
        }
        return new Recipient(
                new RecipientId(document.getString("_id")),
                document.getString("tenantId"),
                RecipientKind.valueOf(document.getString("kind")),
                document.getString("name"),
                document.getString("userId"),
                Set.copyOf(document.getList("roles", String.class, List.of())),
                document.getString("email"),
                document.getString("phone"),
                channels,
                Language.fromTag(document.getString("language")),
                ZoneId.of(document.getString("timeZone")),
                quiet == null
                        ? null
                        : new QuietHours(
                                LocalTime.parse(quiet.getString("start")), LocalTime.parse(quiet.getString("end"))),
                ((Number) document.get("version")).longValue());
    }
}
