package uk.gov.digitalid.gateway.accounts;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * Argon2id password hashes as PHC strings. The parameters are configuration (defaults: OWASP's
 * minimum, 19 MiB memory, 2 iterations, parallelism 1, 16-byte salt, 32-byte hash); hashes made
 * with older parameters still verify.
 */
public class PasswordHasher {

    private final Argon2PasswordEncoder encoder;
    /** A real hash to verify against when the account does not exist, so both paths cost the same. */
    private final String decoy;

    public PasswordHasher(int memoryKib, int iterations, int parallelism) {
        if (memoryKib < 19_456 || iterations < 2 || parallelism < 1) {
            throw new IllegalArgumentException("Argon2id below OWASP's minimum (19 MiB, t=2, p=1)");
        }
        this.encoder = new Argon2PasswordEncoder(16, 32, parallelism, memoryKib, iterations);
        this.decoy = encoder.encode("decoy password for unknown accounts");
    }

    public String hash(String password) {
        return encoder.encode(password);
    }

    public boolean matches(String password, String hash) {
        return encoder.matches(password, hash);
    }

    /** Spends the same time as a real check and fails: for sign-ins to accounts that do not exist. */
    public boolean matchesNothing(String password) {
        encoder.matches(password, decoy);
        return false;
    }
}
