package app.thaw.monitor.protection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeyTemplates;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.prf.PrfConfig;
import com.google.crypto.tink.prf.PrfSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class IdentifierProtectorTests {

    static IdentifierProtector protector;

    @BeforeAll
    static void keys() throws Exception {
        AeadConfig.register();
        PrfConfig.register();
        protector = new IdentifierProtector(
                KeysetHandle.generateNew(KeyTemplates.get("AES256_GCM"))
                        .getPrimitive(RegistryConfiguration.get(), Aead.class),
                KeysetHandle.generateNew(KeyTemplates.get("HMAC_SHA256_PRF"))
                        .getPrimitive(RegistryConfiguration.get(), PrfSet.class));
    }

    @Test
    void theSameIdentifierWrittenDifferentlyHashesTheSameWithinATenant() {
        assertThat(protector.hash("a", IdentifierType.PHONE, "+86 138-0000-0000"))
                .isEqualTo(protector.hash("a", IdentifierType.PHONE, "+8613800000000"));
        assertThat(protector.hash("a", IdentifierType.EMAIL, "Li@Example.com"))
                .isEqualTo(protector.hash("a", IdentifierType.EMAIL, "li@example.com"));
    }

    @Test
    void hashesAreBoundToTheTenantAndTheType() {
        assertThat(protector.hash("a", IdentifierType.PHONE, "+8613800000000"))
                .isNotEqualTo(protector.hash("b", IdentifierType.PHONE, "+8613800000000"))
                .isNotEqualTo(protector.hash("a", IdentifierType.NATIONAL_ID, "+8613800000000"));
    }

    @Test
    void aCiphertextDecryptsOnlyForItsTenantAndOwner() {
        ProtectedValue value = protector.protect("a", "sub_1", IdentifierType.BANK_ACCOUNT, "6222020200112233445");
        assertThat(value.ciphertext()).doesNotContain("6222020200112233445");
        assertThat(value.masked()).isEqualTo("***3445");
        assertThat(protector.reveal("a", "sub_1", value)).isEqualTo("6222020200112233445");
        assertThatThrownBy(() -> protector.reveal("b", "sub_1", value)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> protector.reveal("a", "sub_2", value)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void masksNeverShowTheWholeValue() {
        assertThat(IdentifierType.NAME_LATIN.mask("Zhang Wei")).isEqualTo("Z**** W**");
        assertThat(IdentifierType.NAME_NATIVE.mask("张伟")).isEqualTo("张*");
        assertThat(IdentifierType.PHONE.mask("12345")).isEqualTo("***");
        assertThat(value("x@y.z")).doesNotContain("x@y.z");
    }

    private static String value(String email) {
        return IdentifierType.EMAIL.mask(email);
    }
}
