package dev.rainmaker.status.service;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import dev.rainmaker.events.CustomerReady;
import dev.rainmaker.events.DropletActive;
import dev.rainmaker.events.DropletRequested;
import dev.rainmaker.events.DropletTornDown;
import dev.rainmaker.events.HostHardened;
import dev.rainmaker.events.ProvisioningFailed;
import dev.rainmaker.events.RainmakerEvent;
import dev.rainmaker.events.SignupReceived;
import dev.rainmaker.events.StackInstalled;

/** One line per timeline entry, for a person reading the timeline at 3 a.m. */
final class Summaries {

    private Summaries() {}

    static String of(RainmakerEvent event) {
        return switch (event) {
            case SignupReceived signup -> "signed up for plan " + signup.plan() + " (" + signup.email() + ")";
            case DropletRequested requested ->
                "droplet " + requested.droplet().name() + " requested ("
                        + requested.droplet().size() + ", "
                        + requested.droplet().image() + ", "
                        + requested.droplet().region() + ")";
            case DropletActive active ->
                "droplet " + active.droplet().id() + " active at "
                        + active.droplet().publicIpv4();
            case HostHardened hardened -> "host hardened: " + String.join(", ", hardened.steps());
            case StackInstalled installed ->
                "stack installed: " + versions(installed.components())
                        + (installed.appUrl() == null ? "" : "; app at " + installed.appUrl());
            case CustomerReady ready -> "customer emailed: server ready at " + ready.appUrl();
            case ProvisioningFailed failed ->
                "failed while " + failed.stage().words() + " after " + failed.attempts()
                        + (failed.attempts() == 1 ? " attempt" : " attempts") + " ("
                        + failed.failure().words() + "): "
                        + failed.reason();
            case DropletTornDown tornDown -> "droplet " + tornDown.dropletId() + " torn down: " + tornDown.reason();
        };
    }

    static String deadLetter(Integer attempts, String reason) {
        String after = attempts == null ? "" : " after " + attempts + (attempts == 1 ? " attempt" : " attempts");
        return "dead-lettered" + after + ": " + (reason == null ? "(no reason recorded)" : reason);
    }

    private static String versions(Map<String, String> components) {
        return new TreeMap<>(components)
                .entrySet().stream()
                        .map(component -> component.getKey() + " " + component.getValue())
                        .collect(Collectors.joining(", "));
    }
}
