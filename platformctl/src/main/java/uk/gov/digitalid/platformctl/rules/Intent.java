package uk.gov.digitalid.platformctl.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** What the environments are meant to be, kept as data in gitops/intent (the HPA bounds per environment). */
public record Intent(Map<String, Map<String, Bounds>> hpaBounds) {

    public record Bounds(int min, int max) {
    }

    public static Intent load(Path repository) {
        Path file = repository.resolve("gitops/intent/hpa-bounds.yaml");
        try {
            Map<String, Map<String, Map<String, Integer>>> raw = new Yaml(new SafeConstructor(new LoaderOptions()))
                    .load(Files.readString(file));
            Map<String, Map<String, Bounds>> bounds = new LinkedHashMap<>();
            raw.forEach((env, services) -> {
                Map<String, Bounds> byService = new LinkedHashMap<>();
                services.forEach((service, b) -> byService.put(service, new Bounds(b.get("min"), b.get("max"))));
                bounds.put(env, byService);
            });
            return new Intent(bounds);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The bounds a service's HPA must have in an environment: its own entry, else the environment's default. */
    public Bounds boundsFor(String env, String service) {
        Map<String, Bounds> forEnv = hpaBounds.getOrDefault(env, Map.of());
        return forEnv.getOrDefault(service, forEnv.get("default"));
    }
}
