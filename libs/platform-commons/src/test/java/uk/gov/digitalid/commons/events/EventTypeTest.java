package uk.gov.digitalid.commons.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EventTypeTest {

    @ParameterizedTest
    @ValueSource(strings = {"uk.gov.digitalid.account.registered", "uk.gov.digitalid.session.login-failed",
            "uk.gov.digitalid.fraud.alert-raised", "uk.gov.digitalid.signing-keys.rotated"})
    void acceptsPlatformTypes(String type) {
        assertThat(new EventType(type).value()).isEqualTo(type);
    }

    @ParameterizedTest
    @ValueSource(strings = {"account.registered", "uk.gov.digitalid.Account.registered", "uk.gov.digitalid.account",
            "uk.gov.digitalid.account.registered.twice", "uk.gov.digitalid.account.-registered", "com.example.account.registered"})
    void rejectsOthers(String type) {
        assertThatIllegalArgumentException().isThrownBy(() -> new EventType(type));
    }

    @org.junit.jupiter.api.Test
    void buildsFromNounAndVerb() {
        assertThat(EventType.of("credential", "revoked")).isEqualTo(EventTypes.CREDENTIAL_REVOKED);
        assertThat(EventTypes.CREDENTIAL_REVOKED.value()).isEqualTo("uk.gov.digitalid.credential.revoked");
    }
}
