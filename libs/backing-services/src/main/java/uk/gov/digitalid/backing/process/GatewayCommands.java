package uk.gov.digitalid.backing.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The gateway jar's one-shot bootstrap commands, run as they are documented
 * ({@code --gateway.create-operator}, {@code --gateway.create-api-client}), their output read for
 * the credentials they print once.
 */
public final class GatewayCommands {

    /** An operator's sign-in: password, and the TOTP secret for an authenticator app. */
    public record Operator(String email, String password, String totpSecret) {
    }

    private static final Pattern PASSWORD = Pattern.compile("password:\\s+(\\S+)");
    private static final Pattern SECRET = Pattern.compile("TOTP secret:\\s+([A-Z2-7]+)");
    private static final Pattern API_KEY = Pattern.compile("\\(shown once, store it now\\): (rp_\\S+)");

    private final Path gatewayJar;
    private final List<String> backingArgs;

    public GatewayCommands(Path gatewayJar, List<String> backingArgs) {
        this.gatewayJar = gatewayJar;
        this.backingArgs = backingArgs;
    }

    public Operator createOperator(String email) {
        String output = run("--gateway.create-operator=" + email);
        return new Operator(email, group(PASSWORD, output), group(SECRET, output));
    }

    /** @return the relying party's API key, {@code rp_<id>.<secret>} */
    public String createApiClient(String name) {
        return group(API_KEY, run("--gateway.create-api-client=" + name));
    }

    private String run(String command) {
        List<String> args = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:TieredStopAtLevel=1",
                "-jar", gatewayJar.toString(), command, "--server.port=0", "--management.server.port=0", "--digitalid.system-metrics.enabled=false",
                "--server.address=127.0.0.1", "--management.server.address=127.0.0.1"));
        args.addAll(backingArgs);
        try {
            Process process = new ProcessBuilder(args).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(3, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("gateway " + command + " failed:\n" + tail(output));
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException("could not run the gateway jar: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String group(Pattern pattern, String output) {
        Matcher m = pattern.matcher(output);
        if (!m.find()) {
            throw new IllegalStateException("the gateway printed no " + pattern.pattern() + ":\n" + tail(output));
        }
        return m.group(1);
    }

    private static String tail(String output) {
        List<String> lines = output.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    }
}
