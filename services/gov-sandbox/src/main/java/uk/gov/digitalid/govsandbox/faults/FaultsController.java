package uk.gov.digitalid.govsandbox.faults;

import java.time.Duration;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The knobs: {@code PUT /sandbox/faults/{upstream}}, {@code DELETE /sandbox/faults}, {@code GET /sandbox/calls}. */
@RestController
class FaultsController {

    record FaultRequest(long latencyMs, int status, int count) {
    }

    private final Faults faults;

    FaultsController(Faults faults) {
        this.faults = faults;
    }

    @PutMapping("/sandbox/faults/{upstream}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void set(@PathVariable String upstream, @RequestBody FaultRequest request) {
        if (request.latencyMs() < 0 || request.latencyMs() > 60_000 || (request.status() != 0 && (request.status() < 400 || request.status() > 599))) {
            throw new IllegalArgumentException("latencyMs 0..60000, status 0 or 400..599");
        }
        faults.set(Upstream.of(upstream), new Faults.Fault(Duration.ofMillis(request.latencyMs()), request.status(), request.count()));
    }

    @DeleteMapping("/sandbox/faults")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void reset() {
        faults.reset();
    }

    @GetMapping("/sandbox/calls")
    Map<String, Long> calls() {
        return faults.calls();
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Map<String, String>> badKnob(IllegalArgumentException e) {
        return ResponseEntity.badRequest().body(Map.of("message", e.getMessage()));
    }
}
