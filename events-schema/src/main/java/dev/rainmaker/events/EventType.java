package dev.rainmaker.events;

/**
 * Every event of the pipeline with its topic, its dead-letter topic, its CloudEvents type and its JSON Schema. Topic
 * names live here and nowhere else in code.
 */
public enum EventType {
    SIGNUP_RECEIVED("signup-received", SignupReceived.class),
    DROPLET_REQUESTED("droplet-requested", DropletRequested.class),
    DROPLET_ACTIVE("droplet-active", DropletActive.class),
    HOST_HARDENED("host-hardened", HostHardened.class),
    STACK_INSTALLED("stack-installed", StackInstalled.class),
    CUSTOMER_READY("customer-ready", CustomerReady.class),
    /** Not a step: a customer's provisioning stopped for good. Ops are alerted and the droplet is torn down. */
    PROVISIONING_FAILED("provisioning-failed", ProvisioningFailed.class),
    /** Not a step: the compensation of a failure, the failed customer's droplet destroyed. */
    DROPLET_TORN_DOWN("droplet-torn-down", DropletTornDown.class);

    private static final String DEAD_LETTER_SUFFIX = ".dlq";

    private final String name;
    private final Class<? extends RainmakerEvent> recordType;

    EventType(String name, Class<? extends RainmakerEvent> recordType) {
        this.name = name;
        this.recordType = recordType;
    }

    public String topic() {
        return "rainmaker." + name;
    }

    public String deadLetterTopic() {
        return topic() + DEAD_LETTER_SUFFIX;
    }

    /** The CloudEvents {@code type} attribute ({@code ce_type} header). */
    public String cloudEventType() {
        return "dev.rainmaker." + name + ".v1";
    }

    /** Classpath location of the event's JSON Schema. */
    public String schemaResource() {
        return "/schemas/" + name + ".schema.json";
    }

    public Class<? extends RainmakerEvent> recordType() {
        return recordType;
    }

    public static EventType of(RainmakerEvent event) {
        for (EventType type : values()) {
            if (type.recordType.isInstance(event)) {
                return type;
            }
        }
        throw new IllegalArgumentException(
                "No event type for " + event.getClass().getName());
    }
}
