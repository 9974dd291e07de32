package uk.gov.digitalid.commons.testapp;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.io.IOException;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Endpoints that meet every kind of bad input, for the problem+json tests. */
@RestController
@RequestMapping("/demo/accounts")
class DemoAccountsController {

    record Address(@NotBlank String postcode) {
    }

    record NewAccount(@NotBlank @Email String email, @Min(16) int age, @NotNull @Valid Address address) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> create(@Valid @RequestBody NewAccount account) {
        return Map.of("email", account.email());
    }

    @GetMapping("/{id}")
    Map<String, Object> get(@PathVariable long id) {
        return Map.of("id", id);
    }

    @GetMapping
    Map<String, Object> search(@RequestParam @Min(1) @Max(100) int limit) {
        return Map.of("limit", limit);
    }

    @GetMapping("/broken")
    Map<String, Object> broken() {
        throw new IllegalStateException("connection to db-internal-7.cluster.local refused for user svc_admin");
    }

    @ResponseStatus(HttpStatus.CONFLICT)
    static class AlreadyRegistered extends RuntimeException {
    }

    @PostMapping("/duplicate")
    void duplicate() {
        throw new AlreadyRegistered();
    }

    @GetMapping("/forbidden")
    void forbidden(HttpServletResponse response) throws IOException {
        response.sendError(HttpServletResponse.SC_FORBIDDEN);
    }
}
