package uk.gov.digitalid.platformctl.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import uk.gov.digitalid.backing.process.PlatformServices.Service;

/**
 * The services' executable jars in this repository, built with the Maven wrapper when one is
 * missing or any source changed since the last build (jars carry a fixed date for reproducibility,
 * so a stamp under .local/ records when they were built).
 */
public final class ServiceJars {

    private static final String VERSION = "0.1.0-SNAPSHOT";

    private final Path repository;
    private final Path stamp;

    public ServiceJars(Path repository, Path stateDirectory) {
        this.repository = repository;
        this.stamp = stateDirectory.resolve("services-built");
    }

    public Path jar(Service service) {
        return repository.resolve("services").resolve(service.serviceName()).resolve("target")
                .resolve(service.serviceName() + "-" + VERSION + "-exec.jar");
    }

    public boolean upToDate(Set<Service> services) {
        if (services.stream().anyMatch(s -> !Files.isRegularFile(jar(s))) || !Files.isRegularFile(stamp)) {
            return false;
        }
        try {
            FileTime built = Files.getLastModifiedTime(stamp);
            List<Path> sources = new ArrayList<>(List.of(repository.resolve("pom.xml"), repository.resolve("libs")));
            services.forEach(s -> sources.add(repository.resolve("services").resolve(s.serviceName())));
            for (Path source : sources) {
                try (Stream<Path> files = Files.walk(source)) {
                    if (files.filter(p -> !p.toString().contains("/target/") && !p.toString().contains("/node_modules/") && Files.isRegularFile(p))
                            .anyMatch(p -> newer(p, built))) {
                        return false;
                    }
                }
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Builds the services' jars (and what they depend on), skipping tests. */
    public void build(Set<Service> services, Consumer<String> progress) {
        progress.accept("building the service jars (./mvnw install -DskipTests; a few minutes the first time)");
        List<String> modules = services.stream().map(s -> "services/" + s.serviceName()).toList();
        List<String> command = List.of(repository.resolve("mvnw").toString(), "-q", "-B", "install", "-DskipTests", "-pl", String.join(",", modules), "-am");
        try {
            Process process = new ProcessBuilder(command).directory(repository.toFile()).inheritIO().start();
            if (!process.waitFor(30, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException("the build failed: run ./mvnw install -DskipTests to see why");
            }
            Files.createDirectories(stamp.getParent());
            Files.writeString(stamp, "built\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean newer(Path file, FileTime than) {
        try {
            return Files.getLastModifiedTime(file).compareTo(than) > 0;
        } catch (IOException e) {
            return true;
        }
    }
}
