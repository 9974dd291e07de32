package uk.gov.digitalid.webpages.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.gov.digitalid.webpages.gateway.GatewayProblem;

class FormErrorsTest {

    @Test
    void keepsTheFirstErrorOfEachFieldInPageOrder() {
        FormErrors errors = new FormErrors()
                .require("email", " ", "Enter your email address")
                .check("email", false, "Enter an email address in the correct format")
                .require("password", "secret", "Enter your password")
                .check("code", false, "Enter the 6-digit code");
        assertThat(errors.asMap()).containsExactly(Map.entry("email", "Enter your email address"), Map.entry("code", "Enter the 6-digit code"));
        assertThat(new FormErrors().require("email", "a@b.c", "Enter your email address").isEmpty()).isTrue();
    }

    @Test
    void putsTheGatewaysFieldErrorsOnTheirFieldsAsSentences() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("password", "must be at least 12 characters");
        fields.put("nickname", "is too long");
        FormErrors errors = new FormErrors(Map.of("password", "Your password "))
                .fromGateway(new GatewayProblem(400, "Invalid request", fields, null), "email");
        assertThat(errors.asMap()).containsExactly(Map.entry("password", "Your password must be at least 12 characters"),
                Map.entry("nickname", "This is too long"));
    }

    @Test
    void saysHowLongToWaitWhenThrottled() {
        assertThat(new FormErrors().fromGateway(new GatewayProblem(429, "slow down", Map.of(), 61L), "email").asMap())
                .containsExactly(Map.entry("email", "You have tried too many times. Wait 2 minutes and try again"));
        assertThat(new FormErrors().fromGateway(new GatewayProblem(429, "slow down", Map.of(), null), "email").asMap())
                .containsEntry("email", "You have tried too many times. Wait a minute and try again");
    }

    @Test
    void rethrowsAProblemThatNamesNoField() {
        GatewayProblem failure = new GatewayProblem(500, "boom", Map.of(), null);
        assertThatThrownBy(() -> new FormErrors().fromGateway(failure, "email")).isSameAs(failure);
    }
}
