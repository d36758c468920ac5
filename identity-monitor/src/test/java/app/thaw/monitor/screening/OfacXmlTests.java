package app.thaw.monitor.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.List;

import app.thaw.monitor.screening.matching.ListEntry;
import app.thaw.monitor.screening.matching.OfacXml;
import org.junit.jupiter.api.Test;

class OfacXmlTests {

    static final String SDN_XML = """
            <?xml version="1.0" standalone="yes"?>
            <sdnList xmlns="http://tempuri.org/sdnList.xsd">
              <publshInformation><Publish_Date>11/20/2026</Publish_Date><Record_Count>2</Record_Count></publshInformation>
              <sdnEntry>
                <uid>6365</uid><firstName>Usama bin Muhammad bin Awad</firstName><lastName>BIN LADIN</lastName>
                <sdnType>Individual</sdnType><programList><program>SDGT</program></programList>
                <akaList>
                  <aka><uid>4771</uid><type>a.k.a.</type><category>strong</category><lastName>BIN LADEN</lastName><firstName>Osama</firstName></aka>
                </akaList>
              </sdnEntry>
              <sdnEntry>
                <uid>306</uid><lastName>BANCO NACIONAL DE CUBA</lastName><sdnType>Entity</sdnType>
                <programList><program>CUBA</program></programList>
                <akaList><aka><uid>220</uid><type>a.k.a.</type><category>strong</category><lastName>NATIONAL BANK OF CUBA</lastName></aka></akaList>
              </sdnEntry>
            </sdnList>
            """.strip();

    @Test
    void readsEntriesWithTheirAliasesFromTheXmlForm() throws Exception {
        List<ListEntry> entries = OfacXml.read(new StringReader(SDN_XML));
        assertThat(entries).hasSize(2);
        assertThat(entries.getFirst()).satisfies(e -> {
            assertThat(e.id()).isEqualTo("6365");
            assertThat(e.name()).isEqualTo("BIN LADIN, Usama bin Muhammad bin Awad");
            assertThat(e.type()).isEqualTo(ListEntry.EntryType.INDIVIDUAL);
            assertThat(e.aliases()).containsExactly("BIN LADEN, Osama");
        });
        assertThat(entries.get(1).aliases()).containsExactly("NATIONAL BANK OF CUBA");
        assertThat(entries.get(1).type()).isEqualTo(ListEntry.EntryType.ENTITY);
    }

    @Test
    void refusesADocumentTypeDeclaration() {
        String withDtd =
                "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><sdnList><sdnEntry>"
                        + "<uid>1</uid><lastName>&e;</lastName></sdnEntry></sdnList>";
        assertThatThrownBy(() -> OfacXml.read(new StringReader(withDtd))).isInstanceOf(Exception.class);
    }
}
