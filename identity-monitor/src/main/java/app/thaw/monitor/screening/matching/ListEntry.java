package app.thaw.monitor.screening.matching;

import java.util.List;

/**
 * One sanctioned party.
 *
 * @param id       the list's id of it (OFAC {@code ent_num})
 * @param name     its primary name as listed
 * @param type     INDIVIDUAL, ENTITY, VESSEL or AIRCRAFT
 * @param programs the sanctions programmes, as listed
 * @param aliases  its other names (a.k.a., f.k.a., n.k.a.)
 */
public record ListEntry(String id, String name, EntryType type, String programs, List<String> aliases) {

    public ListEntry {
        aliases = List.copyOf(aliases);
    }

    /** What kind of party a list entry is. */
    public enum EntryType {
        INDIVIDUAL, ENTITY, VESSEL, AIRCRAFT
    }
}
