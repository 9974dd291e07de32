package uk.gov.digitalid.platformctl.cli;

import java.nio.file.Files;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import uk.gov.digitalid.platformctl.PlatformCtl;
import uk.gov.digitalid.platformctl.images.ImageFile;
import uk.gov.digitalid.platformctl.images.ImageReference;

@Command(name = "image", description = "The environments' machine-owned image digests.", subcommands = ImageCommand.Set.class)
public class ImageCommand {

    @ParentCommand PlatformCtl parent;

    @Command(name = "set", description = {"Pin a service of an environment to an image by digest, e.g. after a merge:",
            "  platformctl image set dev gateway \"localhost:5001/digital-id/gateway@$(cat services/gateway/target/jib-image.digest)\""})
    static class Set implements Callable<Integer> {

        @ParentCommand ImageCommand image;
        @Spec CommandSpec spec;

        @Parameters(index = "0", paramLabel = "<env>") String env;
        @Parameters(index = "1", paramLabel = "<service>") String service;
        @Parameters(index = "2", paramLabel = "<image@sha256:...>") String reference;

        @Override
        public Integer call() {
            var repository = image.parent.repository();
            ImageReference pinned;
            try {
                pinned = ImageReference.parse(reference);
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().println("platformctl: " + e.getMessage());
                return PlatformCtl.USAGE;
            }
            if (!Files.isRegularFile(ImageFile.path(repository, env))) {
                spec.commandLine().getErr().println("platformctl: no image file for environment " + env + " (" + ImageFile.path(repository, env) + ")");
                return PlatformCtl.USAGE;
            }
            ImageFile file = ImageFile.read(repository, env);
            boolean known = file.images().containsKey(service) || Files.isDirectory(repository.resolve("gitops/base/services").resolve(service));
            if (!known) {
                spec.commandLine().getErr().println("platformctl: " + service + " is not a service of " + env + " (gitops/base/services, or already in its image file)");
                return PlatformCtl.USAGE;
            }
            ImageReference before = file.set(service, pinned);
            file.write();
            spec.commandLine().getOut().println(env + " " + service + ": " + (before == null ? "(none)" : before.digest()) + " -> " + pinned.digest());
            spec.commandLine().getOut().flush();
            return PlatformCtl.OK;
        }
    }
}
