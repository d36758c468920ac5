package app.thaw.monitor.screening.matching;

import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads OFAC's SDN list in its XML form ({@code sdn.xml}: {@code sdnEntry} elements with
 * {@code uid}, {@code firstName}, {@code lastName}, {@code sdnType}, {@code programList} and an
 * {@code akaList}; aliases are inside the entry, so there is no second file). Names are composed as
 * the CSV form lists them: "LAST, First". DTDs and external entities are refused.
 */
public final class OfacXml {

    private OfacXml() {}

    public static List<ListEntry> read(Reader xml) throws XMLStreamException {
        return read("ofac-sdn", xml);
    }

    public static List<ListEntry> read(String listId, Reader xml) throws XMLStreamException {
        return read(listId, xml, date -> {});
    }

    /**
     * As {@link #read(String, Reader)}, also telling {@code publishDate} the list's own publication
     * date ({@code publshInformation/Publish_Date}, OFAC's spelling, {@code MM/DD/YYYY}) as ISO
     * {@code YYYY-MM-DD}.
     */
    public static List<ListEntry> read(String listId, Reader xml, java.util.function.Consumer<String> publishDate)
            throws XMLStreamException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        XMLStreamReader in = factory.createXMLStreamReader(xml);
        List<ListEntry> entries = new ArrayList<>();
        Builder entry = null;
        Names aka = null;
        List<String> programs = new ArrayList<>();
        while (in.hasNext()) {
            int event = in.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                String name = in.getLocalName();
                switch (name) {
                    case "sdnEntry" -> {
                        entry = new Builder();
                        programs = new ArrayList<>();
                    }
                    case "aka" -> aka = new Names();
                    case "uid" -> {
                        String text = in.getElementText().strip();
                        if (entry != null && aka == null) {
                            entry.uid = text;
                        }
                    }
                    case "firstName", "lastName" -> {
                        String text = in.getElementText().strip();
                        Names target = aka != null ? aka : entry != null ? entry.names : null;
                        if (target != null) {
                            if (name.equals("firstName")) {
                                target.first = text;
                            } else {
                                target.last = text;
                            }
                        }
                    }
                    case "sdnType" -> {
                        if (entry != null && aka == null) {
                            entry.type = in.getElementText().strip();
                        }
                    }
                    case "program" -> programs.add(in.getElementText().strip());
                    case "Publish_Date" -> {
                        String date = isoDate(in.getElementText().strip());
                        if (date != null) {
                            publishDate.accept(date);
                        }
                    }
                    default -> {}
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                String name = in.getLocalName();
                if (name.equals("aka") && entry != null && aka != null) {
                    String alias = aka.compose();
                    if (alias != null) {
                        entry.aliases.add(alias);
                    }
                    aka = null;
                } else if (name.equals("sdnEntry") && entry != null) {
                    String primary = entry.names.compose();
                    if (entry.uid != null && primary != null) {
                        entries.add(new ListEntry(
                                listId,
                                entry.uid,
                                primary,
                                type(entry.type),
                                String.join("] [", programs),
                                entry.aliases));
                    }
                    entry = null;
                }
            }
        }
        in.close();
        return entries;
    }

    /** {@code 12/03/2021} → {@code 2021-12-03}; anything else → null. */
    static String isoDate(String text) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4})")
                .matcher(text);
        if (!m.matches()) {
            return null;
        }
        try {
            return java.time.LocalDate.of(
                            Integer.parseInt(m.group(3)), Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)))
                    .toString();
        } catch (java.time.DateTimeException notADate) {
            return null;
        }
    }

    private static ListEntry.EntryType type(String raw) {
        if (raw == null) {
            return ListEntry.EntryType.ENTITY;
        }
        return switch (raw.toLowerCase(Locale.ROOT)) {
            case "individual" -> ListEntry.EntryType.INDIVIDUAL;
            case "vessel" -> ListEntry.EntryType.VESSEL;
            case "aircraft" -> ListEntry.EntryType.AIRCRAFT;
            default -> ListEntry.EntryType.ENTITY;
        };
    }

    private static final class Names {
        String first;
        String last;

        String compose() {
            if (last == null || last.isBlank()) {
                return first == null || first.isBlank() ? null : first;
            }
            return first == null || first.isBlank() ? last : last + ", " + first;
        }
    }

    private static final class Builder {
        String uid;
        String type;
        final Names names = new Names();
        final List<String> aliases = new ArrayList<>();
    }
}
