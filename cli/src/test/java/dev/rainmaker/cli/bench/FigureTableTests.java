package dev.rainmaker.cli.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FigureTableTests {

    @Test
    void rendersAMarkdownTableWithAlignedColumnsInTheOrderAdded() {
        String table = new FigureTable()
                .add("sign-ups", "200")
                .add("time until all ready", "41.2 s")
                .render();

        assertThat(table).isEqualTo("""
                        | figure               | value  |
                        |----------------------|--------|
                        | sign-ups             | 200    |
                        | time until all ready | 41.2 s |
                        """);
    }
}
