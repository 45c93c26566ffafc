package dev.rainmaker.bootstrap.service;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rainmaker.hostaccess.CommandOutput;
import dev.rainmaker.hostaccess.HostShell;

/**
 * Waits for cloud-init to finish and reads its outcome from its JSON (its exit status alone does not tell "done with
 * recoverable errors" from "error"): {@code done} goes on, anything else cannot be fixed by retrying.
 */
@ApplicationScoped
public class CloudInitWait {

    static final String COMMAND = "cloud-init status --wait --format json";
    private static final ObjectMapper JSON = new ObjectMapper();

    public void awaitDone(HostShell host) {
        CommandOutput output = host.run(COMMAND);
        JsonNode status;
        try {
            status = JSON.readTree(output.stdout()).path("status");
        } catch (Exception e) {
            status = null;
        }
        if (status == null || !status.isTextual()) {
            throw new HardeningFailure("cloud-init status did not print JSON with a status: " + output.describe());
        }
        if (!status.asText().equals("done")) {
            throw new HardeningFailure("cloud-init on the host finished with status '" + status.asText()
                    + "' instead of 'done': " + output.describe());
        }
    }
}
