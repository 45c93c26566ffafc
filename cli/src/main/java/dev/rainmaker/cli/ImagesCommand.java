package dev.rainmaker.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ./rainmaker images}: every service's OCI image, built with Podman, each with its AOT cache trained in it. */
@Command(
        name = "images",
        description = {
            "Builds each service's OCI image with Podman (deploy/images: the service on a Java 25 runtime, user 10001,"
                    + " nothing written outside /tmp, OCI labels), then runs each image once against a local cloud to"
                    + " train its AOT cache on the image's own JVM, and builds it again with the cache in it.",
            "Images: localhost/rainmaker/SERVICE:TAG, and localhost/rainmaker/kafka:TAG (deploy/compose.yaml's Kafka)"
                    + " when no SERVICE is named. Build the services first (./mvnw package)."
        },
        exitCodeList = {"1:an image could not be built or trained, saying why", RainmakerCli.USAGE_ERROR})
final class ImagesCommand implements Callable<Integer> {

    @Option(
            names = "--base",
            paramLabel = "IMAGE",
            description = "the Java 25 image to build on, or 'local': Debian 12 and a jlink'ed runtime of this"
                    + " machine's JDK, made here for machines that reach no registry (default:"
                    + " deploy/images/build.sh's, $RAINMAKER_IMAGE_BASE, else Eclipse Temurin's JRE)")
    String base;

    @Option(names = "--tag", paramLabel = "TAG", description = "the images' tag (default: Rainmaker's version)")
    String tag;

    @Parameters(paramLabel = "SERVICE", arity = "0..*", description = "the services to build (default: all of them)")
    List<String> services = new ArrayList<>();

    @Spec
    private CommandSpec spec;

    private final Path repository;
    private final PrintStream out;

    ImagesCommand(Path repository, PrintStream out) {
        this.repository = repository;
        this.out = out;
    }

    @Override
    public Integer call() {
        List<String> names = services.isEmpty() ? PipelineServices.ALL : services;
        names.stream()
                .filter(name -> !PipelineServices.ALL.contains(name))
                .findAny()
                .ifPresent(name -> {
                    throw new ParameterException(
                            spec.commandLine(),
                            "Invalid value for positional parameter 'SERVICE': '" + name + "' is none of "
                                    + String.join(", ", PipelineServices.ALL));
                });
        String imageTag = tag != null ? tag : version();
        // With every service, the Kafka image deploy/compose.yaml runs beside them (it has no AOT cache to train).
        build(services.isEmpty() ? withKafka(names) : names, imageTag);
        Map<String, String> images = new LinkedHashMap<>();
        names.forEach(name -> images.put(name, "localhost/rainmaker/" + name + ":" + imageTag));
        ImageTraining.train(repository, images, out::println);
        return RainmakerCli.SUCCESS;
    }

    private static List<String> withKafka(List<String> names) {
        List<String> images = new ArrayList<>(names);
        images.add("kafka");
        return images;
    }

    private void build(List<String> names, String imageTag) {
        List<String> command = new ArrayList<>(
                List.of("bash", repository.resolve("deploy/images/build.sh").toString(), "--tag", imageTag));
        if (base != null) {
            command.addAll(List.of("--base", base));
        }
        command.addAll(names);
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        // The local base's runtime is jlink'ed from the JDK this runs on.
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        try {
            int status = builder.start().waitFor();
            if (status != 0) {
                throw new IllegalStateException("deploy/images/build.sh failed (exit status " + status + ")");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not run deploy/images/build.sh", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while building the images", e);
        }
    }

    private static String version() {
        String version = RainmakerCli.class.getPackage().getImplementationVersion();
        if (version == null) {
            throw new IllegalStateException("not run from its jar, the version is unknown: give --tag");
        }
        return version;
    }
}
