package uk.gov.digitalid.admin;

import java.nio.file.Path;
import java.security.InvalidKeyException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.crypto.spec.SecretKeySpec;
import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import org.apache.commons.codec.binary.Base32;
import uk.gov.digitalid.backing.process.GatewayCommands;

/**
 * An operator account made the only way there is: the gateway jar's {@code --gateway.create-operator}
 * command, its password and TOTP secret read from what it prints. Codes are made as an authenticator
 * app makes them; each is for a later 30-second step than the last, because the gateway accepts a
 * step once (and one step either side for clock drift), waiting when the next step is not yet due.
 */
record Operator(String email, String password, String totpSecret, long[] lastStep) {

    private static final Duration STEP = Duration.ofSeconds(30);

    static Operator create(Path gatewayJar, List<String> backingArgs, String email) {
        GatewayCommands.Operator created = new GatewayCommands(gatewayJar, backingArgs).createOperator(email);
        return new Operator(created.email(), created.password(), created.totpSecret(), new long[] {Long.MIN_VALUE});
    }

    /** A code the gateway has not seen yet from this operator. */
    synchronized String nextCode() throws InterruptedException {
        // Never the step before the current one: if the clock turns a step before the gateway checks, that code is two steps old.
        long current = Instant.now().getEpochSecond() / STEP.getSeconds();
        long step = Math.max(current, lastStep[0] + 1);
        while (step > Instant.now().getEpochSecond() / STEP.getSeconds() + 1) {
            Thread.sleep(1000);
        }
        lastStep[0] = step;
        return codeAt(step);
    }

    /** A code that is certainly not valid now (from an hour ago). */
    String staleCode() {
        return codeAt(Instant.now().getEpochSecond() / STEP.getSeconds() - 120);
    }

    private String codeAt(long step) {
        try {
            return new TimeBasedOneTimePasswordGenerator(STEP, 6, "HmacSHA1")
                    .generateOneTimePasswordString(new SecretKeySpec(new Base32().decode(totpSecret), "HmacSHA1"), Instant.ofEpochSecond(step * STEP.getSeconds()));
        } catch (InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
