package uk.gov.digitalid.backing;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;

/** Asks Testcontainers, once per JVM, whether a Docker engine answers. */
final class DockerProbe {

    private static final Logger log = LoggerFactory.getLogger(DockerProbe.class);
    private static Boolean available;

    private DockerProbe() {
    }

    static synchronized boolean dockerAvailable() {
        if (available == null) {
            boolean answer;
            try {
                answer = DockerClientFactory.instance().isDockerAvailable();
            } catch (RuntimeException | LinkageError e) {
                answer = false;
            }
            available = answer;
            log.info("Docker engine {}", answer ? "answered: containers may be used" : "not available: embedded servers will be used");
        }
        return available;
    }
}
