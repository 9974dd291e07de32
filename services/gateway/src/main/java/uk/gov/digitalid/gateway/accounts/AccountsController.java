package uk.gov.digitalid.gateway.accounts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import uk.gov.digitalid.gateway.ratelimits.RateLimits;

@RestController
class AccountsController {

    /** The same answer whether or not the email already had an account. */
    static final Map<String, String> ACCEPTED = Map.of("message",
            "If this email address can be registered, the account is ready: sign in to continue.");

    record NewAccount(
            @NotBlank @Email @Size(max = 254) String email,
            @NotNull @Size(max = 1024) String password,
            @NotBlank @Size(max = 100) @Pattern(regexp = "[\\p{L}\\p{M}' .-]+", message = "must contain only letters, spaces, hyphens and apostrophes") String givenName,
            @NotBlank @Size(max = 100) @Pattern(regexp = "[\\p{L}\\p{M}' .-]+", message = "must contain only letters, spaces, hyphens and apostrophes") String familyName) {
    }

    private final Registration registration;
    private final RateLimits limits;
    private final long perIpPerMinute;

    AccountsController(Registration registration, RateLimits limits,
                       @Value("${gateway.rate-limits.registrations-per-ip}") long perIpPerMinute) {
        this.registration = registration;
        this.limits = limits;
        this.perIpPerMinute = perIpPerMinute;
    }

    @PostMapping("/api/v1/accounts")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Map<String, String> register(@Valid @RequestBody NewAccount account, HttpServletRequest request) {
        limits.consume("registrations", request.getRemoteAddr(), perIpPerMinute);
        registration.register(account.email(), account.password(), account.givenName(), account.familyName(), request.getRemoteAddr());
        return ACCEPTED;
    }
}
