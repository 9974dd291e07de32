package uk.gov.digitalid.platformctl.images;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.Status;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * Copies image digests from one environment's file to another's and records the change as one
 * commit whose message lists each service's old and new digest, with trailers naming the source
 * environment and the commit it was promoted from.
 */
public final class Promotion {

    /** One service whose image changes. */
    public record Change(String service, String from, String to) {
    }

    private final Path repository;

    public Promotion(Path repository) {
        this.repository = repository;
    }

    /** The changes promoting would make (empty when the target already runs the source's images). */
    public List<Change> plan(String from, String to, List<String> services) {
        ImageFile source = ImageFile.read(repository, from);
        ImageFile target = ImageFile.read(repository, to);
        List<Change> changes = new ArrayList<>();
        for (Map.Entry<String, ImageReference> image : new TreeMap<>(source.images()).entrySet()) {
            if (!services.isEmpty() && !services.contains(image.getKey())) {
                continue;
            }
            ImageReference current = target.images().get(image.getKey());
            if (current == null && services.isEmpty()) {
                continue;
            }
            if (!Objects.equals(current, image.getValue())) {
                changes.add(new Change(image.getKey(), current == null ? "(none)" : current.digest(), image.getValue().digest()));
            }
        }
        for (String service : services) {
            if (!source.images().containsKey(service)) {
                throw new IllegalArgumentException(from + " has no image for " + service);
            }
        }
        return changes;
    }

    /** Writes the target's image file. */
    public void apply(String from, String to, List<Change> changes) {
        ImageFile source = ImageFile.read(repository, from);
        ImageFile target = ImageFile.read(repository, to);
        changes.forEach(c -> target.set(c.service(), source.images().get(c.service())));
        target.write();
    }

    /** @throws IllegalStateException when the working tree has changes a promotion commit would sweep up or hide */
    public static void requireClean(Git git) throws GitAPIException {
        Status status = git.status().call();
        if (!status.isClean()) {
            List<String> dirty = new ArrayList<>();
            dirty.addAll(status.getModified());
            dirty.addAll(status.getChanged());
            dirty.addAll(status.getAdded());
            dirty.addAll(status.getRemoved());
            dirty.addAll(status.getMissing());
            dirty.addAll(status.getUntracked());
            throw new IllegalStateException("the working tree is not clean (" + String.join(", ", dirty.subList(0, Math.min(5, dirty.size())))
                    + (dirty.size() > 5 ? ", ..." : "") + "): commit or stash first");
        }
    }

    /** Commits the target's image file alone. */
    public RevCommit commit(Git git, String from, String to, List<Change> changes) throws GitAPIException, IOException {
        ObjectId head = git.getRepository().resolve("HEAD");
        StringBuilder message = new StringBuilder("Promote " + changes.size() + (changes.size() == 1 ? " image" : " images")
                + " from " + from + " to " + to + "\n\n");
        for (Change c : changes) {
            message.append(c.service()).append(": ").append(c.from()).append(" -> ").append(c.to()).append('\n');
        }
        message.append("\nPromoted-From: ").append(from).append('\n')
                .append("Promoted-From-Commit: ").append(head == null ? "(none)" : head.name()).append('\n');
        String file = repository.relativize(ImageFile.path(repository, to)).toString();
        git.add().addFilepattern(file).call();
        return git.commit().setMessage(message.toString()).setOnly(file).call();
    }
}
