package uk.gov.digitalid.govconnectors.hmrc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HmrcNamesTest {

    @ParameterizedTest
    @CsvSource({"Zoë, Zoe", "Łukasz, Lukasz", "Siân, Sian", "O'Brien, O'Brien", "Anne-Marie, Anne-Marie", "Mary Jo, Mary Jo",
            "Dr. Who, Dr Who", "Ørsted, Orsted", "Straße, Strase"})
    void namesAreWrittenInHmrcsAlphabet(String name, String expected) {
        assertThat(HmrcNames.of(name)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"李", "Владимир", "'-", "  "})
    void namesWithNoLatinLettersCannotBeSent(String name) {
        assertThat(HmrcNames.of(name)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"})
    void longNamesAreCutToHmrcsLimit(String name) {
        assertThat(HmrcNames.of(name)).get().asString().hasSize(35);
    }
}
