package dev.rainmaker.events;

import java.time.Instant;

import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FailureKindTests {

    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    @Test
    void aSpentBudgetIsWrittenInWordsTheSchemaAcceptsAndReadsBack() {
        ProvisioningFailed failed = failed(FailureKind.BUDGET_SPENT);
        String json = EventJson.write(failed);

        assertThat(json).contains("\"failure\":\"budget-spent\"");
        assertThat(schemaErrors(json)).as(json).isEmpty();
        assertThat(EventJson.read(json, ProvisioningFailed.class)).isEqualTo(failed);
    }

    @Test
    void aRecordWrittenBeforeTheFieldExistedReadsAsPermanent() {
        String old = EventJson.write(failed(FailureKind.PERMANENT)).replace(",\"failure\":\"permanent\"", "");
        assertThat(old).doesNotContain("failure");

        assertThat(schemaErrors(old)).as(old).isEmpty();
        assertThat(EventJson.read(old, ProvisioningFailed.class).failure()).isEqualTo(FailureKind.PERMANENT);
    }

    @Test
    void theSchemaRejectsAKindItDoesNotName() {
        String json = EventJson.write(failed(FailureKind.PERMANENT)).replace("\"permanent\"", "\"flaky\"");

        assertThat(schemaErrors(json)).isNotEmpty();
    }

    @Test
    void aFailureSaysItsKindAlongItsCauseChainAndOneThatDoesNotIsPermanent() {
        class Spent extends RuntimeException implements KindOfFailure {
            @Override
            public FailureKind failureKind() {
                return FailureKind.BUDGET_SPENT;
            }
        }

        assertThat(FailureKind.of(new IllegalStateException("wrapped", new Spent())))
                .isEqualTo(FailureKind.BUDGET_SPENT);
        assertThat(FailureKind.of(new IllegalStateException("plain"))).isEqualTo(FailureKind.PERMANENT);
        assertThat(new ProvisioningFailed("c", null, ProvisioningStage.HARDENING_HOST, "r", 1, null, Instant.EPOCH)
                        .failure())
                .isEqualTo(FailureKind.PERMANENT);
    }

    private static ProvisioningFailed failed(FailureKind kind) {
        return new ProvisioningFailed(
                "acme-42",
                null,
                ProvisioningStage.INSTALLING_STACK,
                "the stage budget PT45M was spent",
                7,
                3164444L,
                Instant.parse("2026-11-25T03:04:05Z"),
                kind);
    }

    private static java.util.List<com.networknt.schema.Error> schemaErrors(String json) {
        return SCHEMAS.getSchema(SchemaLocation.of("classpath:"
                        + EventType.PROVISIONING_FAILED.schemaResource().substring(1)))
                .validate(json, InputFormat.JSON);
    }
}
