package uk.gov.digitalid.admin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.InvalidKeyException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.spec.SecretKeySpec;
import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import org.apache.commons.codec.binary.Base32;

/**
 * An operator account made the only way there is: the gateway jar's {@code --gateway.create-operator}
 * command, its password and TOTP secret read from what it prints. Codes are made as an authenticator
 * app makes them; each is for a later 30-second step than the last, because the gateway accepts a
 * step once (and one step either side for clock drift), waiting when the next step is not yet due.
 */
record Operator(String email, String password, String totpSecret, long[] lastStep) {

    private static final Duration STEP = Duration.ofSeconds(30);
    private static final Pattern PASSWORD = Pattern.compile("password:\\s+(\\S+)");
    private static final Pattern SECRET = Pattern.compile("TOTP secret:\\s+([A-Z2-7]+)");

    static Operator create(Path gatewayJar, List<String> backingArgs, String email) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                gatewayJar.toString(), "--gateway.create-operator=" + email, "--server.port=0", "--management.server.port=0",
                "--digitalid.system-metrics.enabled=false"));
        command.addAll(backingArgs);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException("create-operator failed:\n" + output);
        }
        Matcher password = PASSWORD.matcher(output);
        Matcher secret = SECRET.matcher(output);
        if (!password.find() || !secret.find()) {
            throw new IllegalStateException("create-operator printed no password and secret:\n" + output);
        }
        return new Operator(email, password.group(1), secret.group(1), new long[] {Long.MIN_VALUE});
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
