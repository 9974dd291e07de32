package uk.gov.digitalid.identitycore.keys;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import uk.gov.digitalid.commons.sync.SyncMessage;
import uk.gov.digitalid.commons.sync.SyncPublisher;

/**
 * Operator API (reached through the gateway's admin API, never from outside): see the keys and
 * make another mounted key active.
 */
@RestController
@RequestMapping("/v1/admin/signing-keys")
class SigningKeysAdminController {

    record RotationRequest(@Pattern(regexp = "[A-Za-z0-9_-]{20,100}") String kid) {
    }

    record KeyView(String kid, String algorithm, String status, String retainUntil) {
    }

    private final SigningKeys keys;
    private final SyncPublisher sync;

    SigningKeysAdminController(SigningKeys keys, SyncPublisher sync) {
        this.keys = keys;
        this.sync = sync;
    }

    @GetMapping
    List<KeyView> list() {
        return keys.published().stream().map(k -> new KeyView(k.kid(), k.algorithm().name(), k.status(),
                k.retainUntil() == null ? null : k.retainUntil().toString())).toList();
    }

    @PostMapping("/rotation")
    KeyView rotate(@Valid @RequestBody(required = false) RotationRequest request) {
        String active = keys.rotate(request == null ? null : request.kid());
        sync.publish(SyncMessage.SIGNING_KEYS_ROTATED, active);
        return list().stream().filter(k -> k.kid().equals(active)).findFirst().orElseThrow();
    }
}
