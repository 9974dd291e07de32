package uk.gov.digitalid.gateway.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTest {

    private final PasswordPolicy policy = new PasswordPolicy();

    @ParameterizedTest
    @ValueSource(strings = {"correct horse battery staple", "Tr0ub4dor&3 but longer", "my cat likes the 7:14 train",
            "zebra-ocean-violin", "ääääöööüüüß12"})
    void acceptsLongUnguessablePasswordsWithoutCompositionRules(String password) {
        assertThat(policy.problem(password, "ada@example.org", "Ada", "Lovelace")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "seven77", "password", "Password1", "P@ssw0rd!", "passw0rd123", "qwertyuiop", "!!letmein!!",
            "11111111", "abababab", "abcdefghijk", "9876543210", "ada.lovelace", "Lovelace1985", "adalovelace!"})
    void refusesShortCommonOrPersonalPasswords(String password) {
        assertThat(policy.problem(password, "ada.lovelace@example.org", "Ada", "Lovelace")).isPresent();
    }

    @org.junit.jupiter.api.Test
    void refusesAbsurdlyLongOnes() {
        assertThat(policy.problem("x y z ".repeat(60), "a@b.c", "A", "B")).hasValue("must be at most 256 characters");
    }
}
