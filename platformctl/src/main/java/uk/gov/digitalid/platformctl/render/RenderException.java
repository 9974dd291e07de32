package uk.gov.digitalid.platformctl.render;

/** Rendering could not be done: the tool is missing, or it refused the kustomization (its message). */
public class RenderException extends RuntimeException {

    public RenderException(String message) {
        super(message);
    }
}
