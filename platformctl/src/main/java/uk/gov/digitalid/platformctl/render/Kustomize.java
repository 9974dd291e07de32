package uk.gov.digitalid.platformctl.render;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Renders a kustomization with the real tool: {@code kustomize build} when kustomize is on the PATH,
 * else {@code kubectl kustomize} (kubectl carries kustomize v5).
 */
public final class Kustomize {

    private final List<String> command;

    private Kustomize(List<String> command) {
        this.command = command;
    }

    /** @throws RenderException naming both tools when neither is installed */
    public static Kustomize onPath() {
        Optional<Path> kustomize = executable("kustomize");
        if (kustomize.isPresent()) {
            return new Kustomize(List.of(kustomize.get().toString(), "build"));
        }
        Optional<Path> kubectl = executable("kubectl");
        if (kubectl.isPresent()) {
            return new Kustomize(List.of(kubectl.get().toString(), "kustomize"));
        }
        throw new RenderException("neither kustomize nor kubectl is on the PATH: install one of them "
                + "(kustomize v5, or kubectl 1.27+ which includes it)");
    }

    public String describe() {
        return String.join(" ", command);
    }

    /** The rendered YAML of a kustomization directory. */
    public String render(Path directory) {
        List<String> full = new ArrayList<>(command);
        full.add(directory.toString());
        try {
            Process process = new ProcessBuilder(full).start();
            CompletableFuture<byte[]> errors = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new RenderException(describe() + " " + directory + " did not finish within 2 minutes");
            }
            if (process.exitValue() != 0) {
                throw new RenderException(describe() + " " + directory + " failed: "
                        + new String(errors.join(), StandardCharsets.UTF_8).trim());
            }
            return output;
        } catch (IOException e) {
            throw new RenderException("could not run " + describe() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RenderException("interrupted while rendering " + directory);
        }
    }

    private static byte[] readAll(InputStream in) {
        try {
            return in.readAllBytes();
        } catch (IOException e) {
            return new byte[0];
        }
    }

    private static Optional<Path> executable(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String directory : path.split(File.pathSeparator)) {
            Path candidate = Path.of(directory, name);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
