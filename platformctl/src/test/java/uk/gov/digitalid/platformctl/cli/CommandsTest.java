package uk.gov.digitalid.platformctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import uk.gov.digitalid.platformctl.PlatformCtl;
import uk.gov.digitalid.platformctl.images.ImageFile;

/**
 * The commands on a copy of this repository's gitops/ and policies/ in a temporary git repository:
 * verify passes as committed and fails on deliberate breakage; image set and promote round trips,
 * and their refusals.
 */
class CommandsTest {

    private static final Path ROOT = root();
    private static final String NEW_GATEWAY = "localhost:5001/digital-id/gateway@sha256:" + "1".repeat(64);

    @TempDir Path repo;
    private String out;
    private String err;

    @BeforeEach
    void copyTheTree() throws Exception {
        copy(ROOT.resolve("gitops"), repo.resolve("gitops"));
        copy(ROOT.resolve("policies"), repo.resolve("policies"));
        Files.writeString(repo.resolve(".gitignore"), ".local/\n");
        try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
            git.add().addFilepattern(".").call();
            git.commit().setMessage("the tree").setAuthor("test", "test@example.org").setCommitter("test", "test@example.org").call();
        }
    }

    @Test
    void verifyPassesOnTheCommittedTreeAndExplainsItselfAsJson() {
        assertThat(run("verify")).isZero();
        assertThat(out).contains("PASS dev", "PASS staging", "PASS prod");
        assertThat(run("verify", "prod", "--format", "json")).isZero();
        assertThat(out).contains("\"passed\" : true", "\"env\" : \"prod\"").doesNotContain("\"env\" : \"dev\"");
    }

    @Test
    void verifyFailsOnALatestImageAndAMissingNetworkPolicyNamingTheFiles() throws Exception {
        Path images = ImageFile.path(repo, "dev");
        Files.writeString(images, Files.readString(images).replaceFirst(
                "newName: localhost:5001/digital-id/gateway\n    digest: sha256:[0-9a-f]{64}", "newName: localhost:5001/digital-id/gateway\n    newTag: latest"));
        Path kustomization = repo.resolve("gitops/base/services/identity-core/kustomization.yaml");
        Files.writeString(kustomization, Files.readString(kustomization).replace("  - networkpolicy.yaml\n", ""));

        assertThat(run("verify", "dev")).isEqualTo(PlatformCtl.FINDINGS);
        assertThat(out).contains("FAIL dev")
                .contains("policy/digital-id-no-latest-tag  Rollout/digital-id-dev/gateway",
                        "image localhost:5001/digital-id/gateway:latest has no version: pin a tag other than latest, or a digest",
                        "gitops/base/services/gateway/rollout.yaml")
                .contains("rule/workload-has-network-policy  Rollout/digital-id-dev/identity-core")
                .contains("network/network-missing-flow  gateway -> identity-core:http");

        assertThat(run("verify", "dev", "--format", "sarif")).isEqualTo(PlatformCtl.FINDINGS);
        assertThat(out).contains("\"version\" : \"2.1.0\"", "\"ruleId\" : \"policy/digital-id-no-latest-tag\"");
        assertThat(run("verify", "dev", "--format", "junit")).isEqualTo(PlatformCtl.FINDINGS);
        assertThat(out).contains("<testsuite name=\"dev\"", "<failure message=");
    }

    @Test
    void anUnknownEnvironmentIsAUsageError() {
        assertThat(run("verify", "qa")).isEqualTo(PlatformCtl.USAGE);
        assertThat(err).contains("no environment qa", "dev, staging, prod");
    }

    @Test
    void imageSetRewritesOnlyThatServicesDigestAndRefusesWhatIsNotPinned() throws Exception {
        String before = Files.readString(ImageFile.path(repo, "dev"));
        assertThat(run("image", "set", "dev", "gateway", NEW_GATEWAY)).isZero();
        String after = Files.readString(ImageFile.path(repo, "dev"));
        assertThat(after).contains("digest: sha256:" + "1".repeat(64)).startsWith("# MACHINE-OWNED");
        assertThat(after.lines().filter(l -> !before.contains(l)).toList()).hasSize(1);

        assertThat(run("image", "set", "dev", "gateway", "localhost:5001/digital-id/gateway:latest")).isEqualTo(PlatformCtl.USAGE);
        assertThat(err).contains("not an image pinned by digest");
        assertThat(run("image", "set", "dev", "gateway", "localhost:5001/digital-id/gateway@sha256:ABC")).isEqualTo(PlatformCtl.USAGE);
        assertThat(run("image", "set", "dev", "no-such-service", NEW_GATEWAY)).isEqualTo(PlatformCtl.USAGE);
        assertThat(err).contains("no-such-service is not a service of dev");
        assertThat(Files.readString(ImageFile.path(repo, "dev"))).isEqualTo(after);
    }

    @Test
    void promoteCopiesTheDigestsVerifiesAndCommitsWithTrailers() throws Exception {
        assertThat(run("image", "set", "dev", "gateway", NEW_GATEWAY)).isZero();
        RevCommit source = commitAll("dev runs a new gateway");

        assertThat(run("promote", "--from", "dev", "--to", "staging", "--dry-run")).isZero();
        assertThat(out).contains("gateway: sha256:", "-> sha256:" + "1".repeat(64), "dry run");
        assertThat(Files.readString(ImageFile.path(repo, "staging"))).doesNotContain("1".repeat(64));

        assertThat(run("promote", "--from", "dev", "--to", "staging")).isZero();
        assertThat(Files.readString(ImageFile.path(repo, "staging"))).contains("1".repeat(64)).doesNotContain("gov-sandbox");
        try (Git git = Git.open(repo.toFile())) {
            RevCommit head = git.log().setMaxCount(1).call().iterator().next();
            assertThat(head.getFullMessage()).startsWith("Promote 1 image from dev to staging")
                    .contains("gateway: sha256:", " -> sha256:" + "1".repeat(64))
                    .contains("Promoted-From: dev", "Promoted-From-Commit: " + source.name());
            assertThat(git.status().call().isClean()).isTrue();
        }
        assertThat(run("promote", "--from", "dev", "--to", "staging")).isZero();
        assertThat(out).contains("nothing to promote");
    }

    @Test
    void promoteRefusesADirtyTreeAndATargetThatDoesNotVerify() throws Exception {
        assertThat(run("image", "set", "dev", "gateway", NEW_GATEWAY)).isZero();
        assertThat(run("promote", "--from", "dev", "--to", "staging")).isEqualTo(PlatformCtl.FINDINGS);
        assertThat(err).contains("refusing to promote", "not clean", "gitops/overlays/dev/images/kustomization.yaml");
        commitAll("dev runs a new gateway");

        Path kustomization = repo.resolve("gitops/overlays/staging/kustomization.yaml");
        Files.writeString(kustomization, Files.readString(kustomization).replace("      value: 4\n", "      value: 9\n"));
        commitAll("someone raised staging's HPA bounds by hand");
        String stagingImages = Files.readString(ImageFile.path(repo, "staging"));
        assertThat(run("promote", "--from", "dev", "--to", "staging")).isEqualTo(PlatformCtl.FINDINGS);
        assertThat(err).contains("hpa-bounds", "does not verify", "image file restored");
        assertThat(Files.readString(ImageFile.path(repo, "staging"))).isEqualTo(stagingImages);
        try (Git git = Git.open(repo.toFile())) {
            assertThat(git.log().setMaxCount(1).call().iterator().next().getShortMessage()).isEqualTo("someone raised staging's HPA bounds by hand");
        }
    }

    private RevCommit commitAll(String message) throws Exception {
        try (Git git = Git.open(repo.toFile())) {
            git.add().addFilepattern(".").call();
            return git.commit().setMessage(message).setAuthor("test", "test@example.org").setCommitter("test", "test@example.org").call();
        }
    }

    private int run(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        CommandLine cli = PlatformCtl.commandLine();
        cli.setOut(new PrintWriter(o));
        cli.setErr(new PrintWriter(e));
        String[] full = Stream.concat(Stream.of("--repo", repo.toString()), Stream.of(args)).toArray(String[]::new);
        int code = cli.execute(full);
        out = o.toString();
        err = e.toString();
        return code;
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.sorted(Comparator.naturalOrder()).toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }

    private static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (!Files.isDirectory(dir.resolve("gitops/overlays"))) {
            dir = dir.getParent();
        }
        return dir;
    }
}
